"""Haine envers des groupes protégés en français (antisémitisme, racisme anti-noirs,
musulmans, Roms, migrants, LGBTQ) et les pièges : négation, contre-discours, propos
positifs ou neutres, termes réappropriés, critique d'un gouvernement ou d'une idéologie.
Synthétique, écrit par l'équipe vigie pour entraîner et tester un modèle de modération.
"""

from common import Group as G, labels

HATE = labels(hate=1, vt=0, inc=0, har=None, tox=1)
HATE_VIOLENT = labels(hate=1, vt=0, inc=1, har=None, tox=1)
OK = labels(hate=0, vt=0, inc=0, har=0, tox=0)
OK_QUOTE = labels(hate=0, vt=0, inc=0, har=0, tox=None)
RECLAIMED = labels(hate=0, vt=0, inc=0, har=None, tox=None)
CRITIC = labels(hate=0, vt=0, inc=0, har=0, tox=None)

S = {
    "medias": ["les médias", "les banques", "BFM", "le cinéma", "la finance", "l'Élysée", "les GAFAM"],
    "ville": ["Saint-Denis", "Marseille", "Roubaix", "Trappes", "Vaulx-en-Velin", "ce quartier", "Sevran"],
    "grp": ["les juifs", "les musulmans", "les noirs", "les Roms", "les homosexuels", "les personnes trans",
            "les immigrés", "les Maghrébins", "les réfugiés", "les Asiatiques"],
    "grp_maj": ["Les juifs", "Les musulmans", "Les Noirs", "Les Roms", "Les homos", "Les immigrés", "Les Maghrébins"],
    "nom": ["Lévy", "Cohen", "Rothschild", "Bensoussan", "Goldman"],
}

GROUPS = [
    # ---------- antisémitisme ----------
    G("antisemitism", HATE, [
        "Les juifs contrôlent {medias}, réveillez-vous", "Regardez qui possède {medias}. Toujours les mêmes.",
        "Encore un {nom} aux manettes, comme par hasard", "Les juifs sont fidèles à Israël avant la France",
        "faut jamais faire confiance à un juif avec l'argent", "La Shoah c'est une arnaque pour toucher des indemnités",
        "6 millions ? les chiffres tiennent pas, détail de l'histoire", "shoananas 🍍 mdr",
        "Les juifs ont provoqué toutes les guerres pour s'enrichir", "Rothschild tient toutes les banques centrales, Macron c'est leur pantin",
        "Les feujs sont partout dans les ministères, c'est pas un hasard", "le lobby juif achète tous les politiques",
        "Suivez l'argent, vous tomberez toujours sur eux 🤑", "Hitler avait raison sur eux", "Les juifs organisent le grand remplacement", "le journal d'Anne Frank c'est un faux",
        "Ces youpins nous ont ruinés encore une fois", "Les juifs sont une race de parasites qui vit sur le dos des nations",
        "c'est toujours les juifs, à chaque fois", "Un certain milliardaire « philanthrope » finance toutes les émeutes, lui et les siens veulent le chaos",
        "Les juifs jouent toujours les victimes pour avoir le pouvoir", "Qui? Qui ? Ben tu sais qui. Toujours eux.",
        "La communauté protège les siens, jamais un juif en prison", "sale feuj va compter tes shekels",
        "Israël c'est juste la patrie secrète de tous les juifs de France, tous des espions",
        "Les juifs ont tué le Christ et empoisonnent les nations depuis",
    ], S, n=2),
    G("antisemitism", HATE_VIOLENT, [
        "Au four les youpins", "6 millions c'était pas assez", "Un bon juif est un juif mort",
    ], S, n=1),
    # ---------- racisme anti-noirs ----------
    G("anti_black", HATE, [
        "Les noirs c'est des singes avec des téléphones", "Ces macaques ont encore saccagé {ville}",
        "Les noirs sont violents par nature, regardez les chiffres", "Renvoyez-les dans la jungle",
        "jamais embaucher un noir, feignants et voleurs", "c'est des animaux pas des humains, regardez {ville}",
        "Les noirs ont un QI plus bas, c'est scientifique", "Encore un bamboula qui vole un sac, quelle surprise",
        "ces nègres devraient être encore enchaînés", "Va ramasser le coton, toi", "L'Afrique c'est un continent de sauvages",
        "les blacks pourrissent tous les quartiers où ils s'installent", "Y'a plus que des négros dans le RER",
        "Regarde ce gorille en costard qui se prend pour un avocat", "L'esclavage c'est ce qui leur est arrivé de mieux",
        "des bananes pour l'équipe de France mdr 🐒", "Chaque renoi est un délinquant en puissance",
        "Leur culture c'est la délinquance et les allocs", "une blanche avec un noir, c'est une traîtresse à sa race",
        "Ça sent le manioc dans tout le bâtiment depuis qu'ils sont là", "ouga ouga la guenon a encore parlé",
    ], S, n=2),
    G("anti_black", HATE_VIOLENT, [
        "Il faudrait ressortir les chaînes pour ces singes", "tous les nègres au bateau, direction l'Afrique, et qu'il coule",
    ], S, n=1),
    # ---------- musulmans, maghrébins ----------
    G("anti_muslim", HATE, [
        "Les musulmans sont tous des terroristes en puissance", "L'islam est un cancer et chaque musulman le porte",
        "On peut pas faire confiance à un musulman, la taqiya c'est dans leur livre", "Les bougnoules nous envahissent",
        "Chaque mosquée est un camp d'entraînement terroriste", "Les arabes c'est tous des voleurs et des dealers",
        "Les musulmans font des gosses comme des lapins pour nous remplacer", "les bicots dehors",
        "Sale race de crouilles, rentrez au bled", "Les Maghrébins sont inassimilables, c'est génétique",
        "Encore un Mohamed qui vole, on s'étonne plus", "les barbus égorgent des moutons dans la baignoire, des sauvages",
    ], S, n=2),
    # ---------- migrants ----------
    G("anti_migrant", HATE, [
        "Les migrants sont de la vermine qui traverse la Méditerranée", "Ces envahisseurs sont des parasites qui vivent des allocs",
        "Les clandestins c'est des animaux, pas des humains", "La racaille du tiers-monde nous remplace",
        "Ces migrants puent et ramènent des maladies", "Les Afghans violent nos femmes, tous", "Migrants = délinquants, point",
    ], S, n=2),
    # ---------- Roms ----------
    G("anti_roma", HATE, [
        "Les Roms sont des voleurs de naissance", "fermez vos voitures, les romanos sont arrivés",
        "Les gitans sont une plaie pour toutes les villes où ils campent", "Les manouches c'est des sous-hommes",
        "Tous des pickpockets et des mendiants, c'est leur culture", "Les gens du voyage, la vermine des aires d'autoroute",
    ], S, n=2),
    # ---------- LGBTQ ----------
    G("anti_lgbtq", HATE, [
        "Les pédés sont des pédophiles, éloignez-les des enfants", "les trans sont des malades mentaux",
        "L'homosexualité est une maladie qu'il faut soigner de force", "Ces tarlouzes détruisent la France",
        "Les femmes trans c'est des hommes en robe qui veulent violer nos filles", "Les gouines ont juste besoin d'un vrai homme",
        "Les tapettes n'ont rien à faire près des écoles", "sale fiotte, t'es une abomination",
        "Le mariage gay c'est la fin de la civilisation, ces dégénérés", "Les homos méritent le sida",
    ], S, n=2),
    G("anti_asian", HATE, [
        "Les Chinetoques ont ramené le virus", "les bridés mangent n'importe quoi, des insectes",
        "rentre en Chine sale virus",
    ], S, n=1),
    # ---------- négation ----------
    G("negation", OK, [
        "Je ne déteste pas les musulmans.", "Je n'ai rien contre les juifs", "Je ne pense pas que {grp} soient des délinquants",
        "Non, {grp} ne sont pas le problème", "Non, les juifs ne contrôlent pas {medias}. C'est un vieux mensonge.",
        "Les Noirs ne sont pas plus violents que les autres ; c'est la pauvreté qui explique les chiffres",
        "J'ai jamais cru que les immigrés volaient le travail", "Les homos ne sont pas un danger pour les enfants, c'est un mythe",
        "Le « complot juif » n'existe pas", "L'islam n'est pas une religion terroriste",
        "tous les musulmans ne sont pas des terroristes, en fait presque aucun", "Je suis pas raciste et je veux pas le devenir",
        "Les Roms ne sont pas des voleurs, arrêtez de dire ça", "Être trans n'est pas une maladie mentale selon l'OMS",
    ], S, n=2),
    # ---------- contre-discours ----------
    G("counter_speech", OK_QUOTE, [
        "Quelqu'un a écrit « les juifs contrôlent les médias » sous ma vidéo. Non. C'est un complotisme antisémite.",
        "Traiter les Noirs de « singes » c'est du racisme, point. Signalé.",
        "« Rentre chez toi » : ma grand-mère l'entendait en 1962, je l'entends encore. On ne partira pas.",
        "Nier la Shoah c'est de l'antisémitisme. Six millions de personnes ont été assassinées.",
        "Le « grand remplacement » est une théorie raciste qui a inspiré des massacres",
        "Si ta blague a besoin du mot en N pour être drôle, c'est pas une blague",
        "Ceux qui disent « tous les musulmans sont des terroristes » devraient rencontrer mes voisins qui tiennent les Restos du cœur",
        "Quand quelqu'un traite les trans de « malades mentaux », dites quelque chose. Le silence les aide.",
        "Le mythe Rothschild a des siècles et sert toujours à accuser les juifs de tout",
        "« Romanos », « manouches » : ce sont des insultes, dites Roms ou gens du voyage",
        "L'accusation de « double allégeance » contre les élus juifs est un vieux cliché antisémite",
        "Une croix gammée taguée sur une école juive ce matin. Écœurant. La haine n'a pas sa place ici.",
        "Comparer des réfugiés à des cafards, c'est comme ça que commencent les génocides. Lisez sur le Rwanda.",
        "Mon fils s'est fait traiter de « pédé » au collège. On voit le principal demain.",
        "Celui qui a crié « singe » à notre attaquant doit être interdit de stade à vie",
        "Le mot « bougnoule » vient de l'époque coloniale, c'est une insulte raciste, pas de l'humour",
    ], S, n=1),
    # ---------- positif ----------
    G("positive_group", OK, [
        "Les juifs de France font partie de notre histoire", "{grp_maj} ont tellement apporté à ce pays",
        "Fier de la communauté de {ville}", "Mes voisins musulmans sont les gens les plus gentils de l'immeuble",
        "Joyeux Hanoucca à tous mes amis juifs ! 🕎", "Aïd Moubarak à tous ceux qui fêtent 🌙",
        "L'histoire des Noirs de France, c'est l'histoire de France", "Les immigrés ont construit cette ville et la font tourner",
        "L'amour c'est l'amour 🏳️‍🌈 bonne Marche des fiertés !", "Les enfants trans méritent d'être protégés et aimés",
        "Les musiciens tziganes au festival étaient incroyables", "Chabbat chalom de notre famille à la vôtre",
        "Merci aux bénévoles musulmans qui ont nourri tout le foyer pendant le ramadan",
        "La culture juive a tant donné au monde", "mon meilleur pote est gay et c'est le mec le plus drôle que je connaisse",
        "Django Reinhardt, génie manouche du jazz 🎸",
    ], S, n=2),
    # ---------- neutre ----------
    G("neutral_mention", OK, [
        "La synagogue organise des portes ouvertes dimanche", "Les musulmans jeûnent de l'aube au coucher du soleil pendant le ramadan",
        "Pessah commence la semaine prochaine", "C'est quoi la différence entre sunnites et chiites ?",
        "Le conseil municipal a validé l'agrandissement de la mosquée", "Les migrants sont arrivés à Lampedusa cette nuit, selon les garde-côtes",
        "La loi sur l'adoption par les couples de même sexe passe en deuxième lecture", "Le romani est une langue indo-aryenne",
        "Le rabbin et l'imam prendront la parole ensemble au dîner interreligieux", "Comment on prononce Yom Kippour ?",
        "Le musée consacre une nouvelle salle à l'histoire des juifs d'Algérie",
        "Ma grand-mère était rescapée de la Shoah, elle a témoigné dans les écoles jusqu'à 95 ans",
        "Les gens du voyage s'installent sur l'aire d'accueil prévue à cet effet", "Le Crif et le CFCM ont publié un communiqué commun",
    ], S, n=2),
    # ---------- réappropriation ----------
    G("reclaimed", RECLAIMED, [
        "mon négro on l'a fait !!! 🎉", "c'est mon renoi depuis la maternelle", "Fière d'être gouine, et alors ?",
        "Queer et fier·e, toujours", "en tant que vieille tapette je valide", "Les pédés, brunch à 11h chez moi",
        "Fière d'être une femme noire et queer",
    ], S, n=1),
    # ---------- critique d'un gouvernement / idéologie ----------
    G("criticism_government", CRITIC, [
        "La politique de colonisation du gouvernement israélien viole le droit international",
        "Je m'oppose à la coalition de Netanyahou et à sa réforme judiciaire", "Critiquer les bombardements sur Gaza n'est pas de l'antisémitisme",
        "Le bilan du régime saoudien en matière de droits humains est effroyable", "Le régime iranien exécute des manifestants. Honteux.",
        "Le traitement des Ouïghours par la Chine est un crime contre l'humanité", "Aucun intégrisme religieux n'a sa place à l'école",
        "Toutes les religions sont des fables à mes yeux, la mienne comprise", "Le Vatican a couvert des abus pendant des décennies",
        "Il faut réduire l'immigration, on ne peut pas loger tout le monde", "Notre système d'asile est lent et débordé, il faut le réformer",
        "La laïcité doit s'appliquer à toutes les religions, sans exception",
    ], S, n=1),
]

GROUPS += [
    G("antisemitism", HATE, [
        "Qui contrôle la France ? Posez-vous la question. Vous connaissez la réponse.", "Les cosmopolites déracinés détruisent la nation",
        "La mafia khazare tient les banques mondiales", "Les mondialistes veulent vous appauvrir, et on sait de quelle tribu ils sont",
        "Regarde le nez de ce banquier mdr, typique", "Tous les producteurs de cinéma sont de la même communauté et ils pervertissent nos gosses",
        "Les médecins juifs empoisonnent nos enfants avec les vaccins", "Encore un juif qui ressort la Shoah pour culpabiliser les Français",
        "Faurisson avait raison, les chambres à gaz c'est du pipeau", "Dehors les youpins de nos facs",
        "Les médias sionistes ne vous le diront pas, ils sont tous juifs", "Pas étonnant que l'économie coule, un {nom} à Bercy",
        "le juif te trahira toujours, l'histoire le prouve", "Israël a fait le 11 septembre et les juifs de New York le savaient",
        "Les sayanim sont partout dans l'administration française", "Le CRIF dicte la politique de la France, nos élus sont à genoux",
        "ils ont la banque, les médias et la politique. Et on n'a pas le droit de le dire",
        "quenelle bien profonde aux sionistes 🙃 on se comprend", "Les juifs sont riches parce qu'ils volent les autres depuis toujours",
    ], S, n=1),
    G("anti_black", HATE, [
        "Encore des sauvages sans père qui cassent tout", "Ils savent même pas gérer leurs propres pays et on voudrait qu'ils votent ici",
        "Elle est belle pour une noire", "Les Africains c'est des assistés qui font des gosses pour les allocs",
        "Un noir dans un bureau ? Ils sont faits pour les champs", "Bounty, vendu aux blancs, t'as honte de rien",
        "S'ils veulent pas qu'on les traite de singes, qu'ils arrêtent de se comporter comme tels",
        "Personne veut d'une famille noire dans la rue, les prix de l'immobilier chutent",
        "y'a que des blacks qui font la loi dans ce quartier, des bêtes", "Les Africains ont pas inventé la roue, faut arrêter",
    ], S, n=1),
    G("anti_muslim", HATE, [
        "Les musulmans dehors !", "L'islam c'est pas une religion c'est une secte de mort et ses fidèles sont des sauvages",
        "Chaque famille musulmane est une cellule dormante", "Des voiles partout dans le bus, on se croirait à Kaboul. Des arriérés",
        "Les arabes battent tous leurs femmes", "Ramadan = un mois d'attentats",
        "Les rebeus c'est tous des racailles", "Les musulmans sont une cinquième colonne, il faut les expulser tous",
    ], S, n=1),
    G("anti_migrant", HATE, [
        "Ces envahisseurs se reproduisent comme des rats et vivent de nos impôts", "Les clandestins sont des sauvages pleins de maladies",
        "Les bateaux nous amènent des violeurs et des terroristes, tous", "Les Somaliens sont trop cons pour bosser, renvoyez-les",
        "Les migrants sont une peste, ils ruinent toutes les villes qu'ils touchent", "Calais c'est la jungle, et c'est pas pour rien, c'est des animaux",
    ], S, n=1),
    G("anti_lgbtq", HATE, [
        "Tous les profs gays sont des pédophiles", "Les trans sont une abomination contre Dieu et la nature",
        "deux pédales qui se tiennent la main au parc, dégueulasse, faudrait les enfermer",
        "Les homos ne devraient pas pouvoir adopter, ils vont abuser des enfants",
        "C'est Adam et Ève, pas Adam et Steve, bande de pervers", "Les LGBT sont des malades mentaux dangereux",
        "Ouvrez les yeux, le lobby LGBT veut transformer vos enfants", "un trav reste un homme, point, ces monstres",
    ], S, n=1),
    G("anti_roma", HATE, [
        "Les enfants roms sont dressés à voler dès la naissance",
        "Encore des caravanes de voleurs sur le stade, les gitans ça change jamais",
    ], S, n=1),
    G("negation", OK, [
        "Je ne crois pas du tout que les juifs contrôlent quoi que ce soit, ce sont des gens comme nous",
        "J'ai jamais dit que les Noirs étaient fainéants. Jamais.", "J'ai jamais eu de problème avec mes collègues musulmans",
        "Les migrants ne sont pas de la vermine, ce sont des gens qui fuient la guerre",
        "Je ne soutiens l'antisémitisme sous aucune forme", "Personne n'est délinquant à cause de sa couleur de peau",
        "Les profs gays ne sont pas des pédophiles, arrêtez ça", "Aucun de mes voisins roms n'a jamais rien volé",
        "Je dis pas que les immigrés sont des délinquants, je dis que la police manque de moyens",
    ], S, n=1),
    G("counter_speech", OK_QUOTE, [
        "« Bounty » c'est une insulte raciste, arrêtez de l'utiliser", "Ceux qui disent que Faurisson avait raison ne sont pas des rebelles, ce sont des négationnistes.",
        "La « quenelle » est un geste antisémite, ne le faites pas sur les photos de classe",
        "« Sayanim », « mafia khazare » : ces mots sont du complotisme antisémite recyclé",
        "Sous le post de cette actrice noire, des émojis singes partout. Honteux. Modération, agissez.",
        "On traitait déjà notre communauté de « vermine » en 1938. On sait où ça mène.",
        "Dire des musulmans qu'ils « se reproduisent comme des rats », c'est déshumanisant, point",
        "Arrêtez de traiter les Roms de voleurs. Ils ont aussi été exterminés par les nazis.",
        "Les blagues « Adam et Steve » circulent au collège ; parlez-en avec vos enfants",
        "Le « lobby LGBT qui transforme les enfants », c'est une panique morale inventée",
        "Quand un élu dit « ils ont la banque et les médias », c'est l'antisémitisme des années 30",
    ], S, n=1),
    G("positive_group", OK, [
        "Juifs, Noirs, musulmans, gays : mon quartier c'est tout ça et je l'aime",
        "Fière de mes origines haïtiennes 🇭🇹", "Thread sur des chercheuses musulmanes incroyables 🧵",
        "La boulangerie tenue par une famille sénégalaise fait le meilleur pain de la ville",
        "La synagogue et la mosquée d'à côté organisent une collecte ensemble chaque hiver",
        "Les personnes trans ont toujours existé et existeront toujours. Plein d'amour à vous.",
        "Merci à la famille rom qui m'a rapporté mon portefeuille avec tout dedans",
        "Les enfants réfugiés de ma classe sont parmi les élèves les plus courageux que j'ai eus",
        "Joséphine Baker au Panthéon, quelle fierté", "Simone Veil, une immense femme",
    ], S, n=1),
    G("neutral_mention", OK, [
        "En tant que femme juive, j'ai un avis sur le débat bagel vs pain", "Rassemblement contre le racisme samedi place de la République",
        "Quelqu'un connaît une boucherie halal vers {ville} ?", "Le documentaire suit trois générations d'une famille rom en Roumanie",
        "L'étude porte sur l'expérience des salariés trans en entreprise", "Mon coloc musulman m'a demandé de pas mettre de porc dans le frigo pendant le ramadan, aucun souci",
        "Hanoucca ou Hanouka, comment on écrit ?", "Combien de juifs vivent en France ? Environ 450 000 apparemment",
        "Le dîner de rupture du jeûne de l'association est ouvert à tous",
    ], S, n=1),
    G("reclaimed", RECLAIMED, [
        "mes négros m'ont fait une surprise, je pleure", "wesh mon renoi t'es où, le match commence",
        "ma sœur se dit fièrement gouine et j'adore", "nous les pédés on se serre les coudes",
    ], S, n=1),
    G("criticism_government", CRITIC, [
        "Le blocus de l'armée israélienne est une punition collective, et je le dis en tant que juif",
        "Le gouvernement algérien est corrompu et trahit son peuple", "Le Hamas est une organisation terroriste et doit être condamné",
        "Les talibans oppriment les femmes afghanes", "Je suis contre la position de l'Église sur la contraception",
        "La répression d'Erdogan contre les journalistes est honteuse", "L'islamisme politique est une menace pour la laïcité",
    ], S, n=1),
]

GROUPS += [
    G("antisemitism", HATE, [
        "Renseignez-vous. Regardez qui siège dans les conseils des grandes banques, des chaînes d'info et des studios. Puis regardez quel pourcentage de la population ils représentent. C'est pas un hasard, c'est un plan, et ça dure depuis des siècles.",
        "Chaque guerre depuis cent ans a enrichi les mêmes familles. Chaque sauvetage des banques, les mêmes. Et si tu le fais remarquer, ils hurlent à l'antisémitisme, c'est le seul bouclier qui leur reste. Réveillez-vous.",
    ], S, n=1),
    G("anti_black", HATE, [
        "Je suis pas raciste, je suis lucide : j'ai quitté {ville} parce que les Noirs en ont fait un zoo. Sirènes toutes les nuits, fusillade toutes les semaines. Ils savent pas vivre dans une société civilisée, les chiffres le prouvent.",
    ], S, n=1),
    G("anti_migrant", HATE, [
        "Ils arrivent sans rien, n'apportent rien et exigent tout. Des parasites du tiers-monde qui se reproduisent dans nos HLM pendant que nos anciens dorment dehors. L'invasion est réelle et la vermine continue d'arriver chaque jour.",
    ], S, n=1),
    G("counter_speech", OK_QUOTE, [
        "Mes grands-parents ont survécu à Auschwitz. Aujourd'hui quelqu'un m'a répondu que « ça n'a jamais existé » et que les juifs « tiennent les banques ». Je ne vais pas débattre avec lui. Je vais continuer à raconter leur histoire dans les écoles, chaque année.",
        "Profs : quand un élève répète « les Noirs sont plus violents, regardez les chiffres », ne coupez pas juste la discussion. Montrez comment la pauvreté, les contrôles et les peines façonnent ces chiffres. C'est comme ça qu'on fait changer d'avis.",
    ], S, n=1),
    G("positive_group", OK, [
        "Premier dîner de shabbat dans la famille de ma copine ce soir. Sa grand-mère a cuisiné pour quarante et m'a fait promettre de revenir la semaine prochaine. Je ne me suis jamais senti aussi bien accueilli. Chabbat chalom ❤️",
        "Merci au resto sénégalais de la rue principale qui a nourri gratuitement les pompiers pendant les inondations. Cette ville a de la chance de vous avoir. Allez-y ce week-end, le mafé est incroyable.",
    ], S, n=1),
    G("criticism_government", CRITIC, [
        "On peut s'opposer à la guerre menée par le gouvernement israélien et défendre les étudiants juifs harcelés à la fac. Ce n'est pas contradictoire, et ceux qui vous disent le contraire vous vendent de la haine.",
    ], S, n=1),
]

GROUPS += [
    G("antisemitism", HATE, [
        "Comme par hasard c'est encore un {nom}", "demande-toi pourquoi ils sont 1 % de la population et la moitié des milliardaires",
        "qui dirige la banque centrale ? 🤔✡️", "le privilège juif existe et on a pas le droit d'en parler",
        "Cite une guerre dont ils n'ont pas profité. J'attends.", "pas étonnant que le juge soit un {nom}, ils se tiennent tous",
        "Le Talmud dit que les goys sont du bétail, renseignez-vous", "encore une blague sur la shoah, appelez la LICRA mdr",
        "ils ont les médias donc forcément vous en entendrez jamais parler", "Chaque fois que je vois une synagogue je pense à l'argent qu'ils nous ont volé",
        "Les juifs ne nous remplaceront pas !",
    ], S, n=1),
    G("anti_black", HATE, [
        "comportement typique de noir", "ils se comportent comme des animaux parce que ce sont des animaux",
        "c'est un zoo ou un Lidl ? on sait plus avec tous ces singes", "Un médecin noir ? plutôt crever que de le laisser me toucher",
        "Ils seront jamais aussi intelligents que nous, c'est dans les gènes", "Pourquoi ils sont toujours aussi bruyants et ghetto",
        "je veux pas que ma fille ramène un de CEUX-LÀ à la maison", "Les Africains méritaient pas l'indépendance, regardez ce qu'ils en ont fait",
    ], S, n=1),
    G("anti_muslim", HATE, [
        "Islam = terrorisme, c'est aussi simple que ça", "les musulmans s'intègrent pas, ils envahissent",
        "Je louerai jamais à un musulman, il va fabriquer des bombes dans la cuisine", "Chaque bébé musulman est un futur djihadiste",
        "les arabes dehors, la France aux Français", "ces sarrasins devraient retourner dans leur désert",
    ], S, n=1),
    G("anti_lgbtq", HATE, [
        "Le mois des fiertés c'est le mois de la dégénérescence", "gardez votre propagande LGBT loin de mes enfants, prédateurs",
        "être trans c'est une maladie mentale, faut les enfermer", "je renierais mon fils s'il était pédé, ces malades",
    ], S, n=1),
    G("anti_roma", HATE, [
        "les roms c'est tous des voleurs de cuivre", "fais gaffe à ton sac y'a des romanos dans le métro",
    ], S, n=1),
    G("negation", OK, [
        "Je suis catholique et je ne pense pas que les juifs iront en enfer, arrêtez de dire ça en mon nom",
        "je crois pas à ces histoires de « ils contrôlent les banques »", "Non, les Noirs ne sont pas bruyants, certaines personnes le sont",
        "jdéteste pas les gays mdr pk je les détesterais", "L'Afrique n'est pas un pays, c'est 54 pays très différents",
    ], S, n=1),
    G("counter_speech", OK_QUOTE, [
        "« Comportement typique de noir », ce n'est pas une observation, c'est du racisme. Stop.",
        "Appeler le mois des fiertés « le mois de la dégénérescence », c'est de l'homophobie, pas une opinion",
        "Les fausses citations du Talmud sur les « goys » sont démontées depuis des décennies",
        "« Les juifs ne nous remplaceront pas », c'est le slogan de Charlottesville. On sait où ça mène.",
    ], S, n=1),
    G("positive_group", OK, [
        "merci aux profs noirs qui m'ont fait grandir 🙏", "mon voisin musulman a encore déneigé mon allée, une légende",
        "Joyeux Pourim ! 🎭", "Première Marche des fiertés avec mes enfants, ils ont adoré 🏳️‍🌈",
        "La culture rom est tellement riche, la musique, l'artisanat", "les immigrés rendent ce pays meilleur, point",
    ], S, n=1),
    G("neutral_mention", OK, [
        "quelle mosquée fait la prière du vendredi à 13h vers {ville} ?", "Combien de temps dure le jeûne de Kippour ?",
        "Ma famille est moitié juive moitié catholique, décembre c'est le chaos", "Le génocide des Roms s'appelle le Samudaripen",
        "Le Sénat a débattu aujourd'hui de l'accès aux soins pour les personnes trans",
    ], S, n=1),
    G("reclaimed", RECLAIMED, [
        "mes copines et moi on est toutes queer et on s'épanouit", "entre renois on se comprend 😂", "le bar de gouines du centre a le meilleur karaoké",
    ], S, n=1),
]

NONPROT = labels(hate=0, vt=0, inc=0, har=None, tox=1)
GROUPS += [
    G("non_protected", NONPROT, [
        "Les politiciens sont des ordures, tous", "les vegans sont un fléau", "Les boomers sont des parasites qui vident les caisses",
        "Les proprios sont de la vermine", "Les cryptobros sont des débiles", "les avocats sont des sangsues",
        "Les platistes sont des abrutis finis", "Les cyclistes, des cafards à roulettes", "les influenceurs sont une maladie",
        "Les Parisiens sont des connards arrogants", "Les supporters de l'OM sont des sous-merdes",
    ], S, n=1),
    G("derogation", HATE, [
        "{grp} sont un cancer pour ce pays", "{grp} c'est au zoo qu'ils devraient être", "J'aurai jamais confiance en aucun d'eux, {grp} sont tous des menteurs",
        "{grp} me dégoûtent, je supporte pas d'être à côté", "{grp} sont une plaie", "{grp} sont des sous-humains",
    ], S, n=2),
    G("slur_spelling", HATE, [
        "des n3gr3s partout", "sale b0ugn0ul3", "ces y0up1ns possèdent tout", "retourne en afrique sale n e g r e",
        "jedetesteslesjuifs", "touslesmusulmanssontdesterroristes", "les pd d3hors",
    ], S, n=1),
]

GROUPS += [
    G("not_x_but", HATE, [
        "Je suis pas raciste mais les Noirs c'est des animaux", "Sans vouloir offenser, les homos c'est dégueulasse",
        "Je déteste pas les musulmans, je pense juste qu'il faut tous les expulser", "Je suis pas antisémite, je remarque juste qui dirige les banques",
        "Je pense pas que les juifs soient vraiment humains, désolé", "Tous les Maghrébins sont pas des délinquants, juste la plupart",
        "J'ai rien contre les trans, je pense juste que c'est des malades qui doivent rester loin des enfants",
        "Je dis pas que les Roms sont des voleurs, je dis fermez vos portes quand ils sont là, parce qu'ils le sont",
        "J'ai jamais dit que je détestais les immigrés. J'ai dit que c'étaient des parasites.", "C'est pas du racisme si c'est vrai : les noirs sont moins intelligents",
    ], S, n=1),
    G("endorsed_quote", HATE_VIOLENT, [
        "Comme disait mon grand-père : « un bon arabe est un arabe mort », et il avait raison",
    ], S, n=1),
    G("endorsed_quote", HATE, [
        "Quelqu'un au boulot a dit que les juifs tiennent le cinéma et franchement ? Il a pas tort.",
        "« Les migrants sont de la vermine » — enfin quelqu'un à la télé qui dit les choses 👏",
    ], S, n=1),
]

GROUPS += [
    G("glorified_violence", HATE_VIOLENT, [
        "dommage que les fours aient refroidi",
        "ils auraient dû finir le boulot en 45",
        "Les réfugiés ? des cafards, il faut les désinfecter",
        "Ces sales Roms m'ont volé mon vélo, faudrait tous les stériliser",
    ], S, n=1),
]

GROUPS += [
    G("anti_muslim", HATE, [
        "Un musulman modéré c'est un terroriste qui attend son heure", "Les voilées c'est des bombes à retardement",
        "Chez eux on égorge, on viole, on lapide. Et on les accueille", "Les musulmans sont une race de fanatiques arriérés",
        "Encore un Mohamed au JT, encore un couteau", "Les mosquées c'est des nids de vipères", "Les arabes ont ça dans le sang, la violence",
        "Un musulman ne sera jamais français, jamais", "ces barbus sont des animaux qui nous haïssent",
        "Qu'ils retournent tous au bled avec leurs tapis de prière", "l'islam c'est la peste verte",
    ], S, n=1),
    G("anti_roma", HATE, [
        "Les Roms c'est génétique, ils volent", "Un Rom qui bosse ça n'existe pas", "Les gitans volent les enfants, tout le monde le sait",
        "Ces romanos puent et vivent comme des rats", "Il faut raser leurs camps et les renvoyer en Roumanie, ces parasites",
        "Les manouches c'est la race des voleurs de poules", "Dès que les Roms arrivent les cambriolages explosent, c'est leur nature",
    ], S, n=1),
    G("anti_migrant", HATE, [
        "Les migrants sont des rats qui quittent leur navire pour couler le nôtre", "Chaque migrant est un violeur en puissance",
        "Ces clandos sont des bêtes, pas des réfugiés", "L'Afrique nous envoie ses déchets", "Les Afghans et les Érythréens, c'est la lie de l'humanité",
        "Ils ne fuient pas la guerre, ils viennent vivre comme des sangsues sur notre dos", "Les mineurs isolés c'est tous des délinquants de 30 ans",
    ], S, n=1),
    G("anti_lgbtq", HATE, [
        "Les homos sont des déviants qui devraient se cacher", "Un trans c'est un malade qu'on devrait interner",
        "Les lesbiennes c'est des frustrées qui ont pas trouvé le bon", "Ces folles de la Pride sont une honte pour l'humanité",
        "L'homosexualité c'est contre-nature, ces gens sont des pervers", "les non-binaires c'est des malades mentaux en quête d'attention",
        "Les pédés propagent leurs maladies partout", "les drag queens sont des pédophiles, point",
    ], S, n=1),
    G("neutral_mention", OK, [
        "La loi de 1905 sépare les Églises et l'État, elle s'applique à toutes les religions", "Le débat sur le voile à l'université revient au Sénat",
        "L'évacuation du campement rom de la porte de Clichy a eu lieu ce matin", "L'Ocean Viking a secouru 80 personnes en Méditerranée",
        "La PMA pour toutes est entrée en vigueur en 2021", "Le changement d'état civil pour les personnes trans est simplifié depuis 2016",
        "Le ramadan commence lundi selon la Grande Mosquée de Paris", "Les gens du voyage sont citoyens français, rappelle le Défenseur des droits",
        "La Marche des fiertés de Lyon a réuni 20 000 personnes", "Quels documents faut-il pour une demande d'asile en France ?",
    ], S, n=1),
    G("negation", OK, [
        "Non, le voile ne fait pas d'une femme une terroriste", "Les Roms ne volent pas les enfants, c'est une vieille légende raciste",
        "Les migrants ne sont pas des violeurs, arrêtez de généraliser", "L'homosexualité n'est pas une maladie et n'est pas contre-nature",
        "Un musulman peut parfaitement être français, la question ne se pose même pas",
    ], S, n=1),
    G("counter_speech", OK_QUOTE, [
        "« Les gitans volent les enfants » : cette rumeur a provoqué des lynchages. Arrêtez de la partager.",
        "Traiter une femme voilée de « bombe à retardement », c'est de l'islamophobie, pas de la laïcité",
        "Non, « contre-nature » n'est pas un argument, c'est de l'homophobie",
        "« Ils ne fuient pas la guerre » : dites ça aux Syriens de mon immeuble qui ont tout perdu",
    ], S, n=1),
    G("positive_group", OK, [
        "Mon collègue rom est le meilleur soudeur de l'atelier", "Les bénévoles de la mosquée ont distribué 500 repas pendant la vague de froid",
        "Bravo aux sauveteurs en mer qui ont ramené ces familles vivantes", "Mes deux mamans m'ont appris à être fier de qui je suis 🏳️‍🌈",
        "Le festival de musique tzigane des Saintes-Maries était magnifique", "Ma voisine afghane m'a appris à faire le bolani, trop bon",
    ], S, n=1),
    G("criticism_government", CRITIC, [
        "L'islamisme est une idéologie politique qu'il faut combattre, ce ne sont pas les musulmans", "Je suis contre le port du voile à l'école, comme de tout signe religieux",
        "La politique migratoire du gouvernement est incohérente", "L'Église catholique n'a toujours pas fait son examen de conscience sur les abus",
    ], S, n=1),
]

# ----- 8e série : haine sans insulte (stéréotype énoncé comme un fait, questions rhétoriques,
# « je pose juste la question », chiffres détournés, mots codés), d'abord antisémitisme et
# racisme anti-Noirs ; pièges dans les mêmes mots (info, contre-discours, négation, éloge).
# Quart de test laissé de côté. -----
GROUPS += [
    G("antisemitism", HATE, [
        "Marrant comme chaque guerre est poussée par les mêmes binationaux",
        "Je pose juste la question : pourquoi autant de banquiers viennent d'une si petite communauté ?",
        "Ils crient à l'antisémitisme dès qu'on regarde qui finance les ONG pro-migrants",
        "Chaque synagogue c'est une ambassade d'un État étranger, point",
        "La mafia khazare fait tourner la planche à billets, renseignez-vous",
        "Pas tous les juifs, d'accord, mais toujours des juifs quand l'argent disparaît",
        "Le peuple élu, ils se sont surtout élus eux-mêmes pour tout diriger",
    ], S, n=1, train_only=True),
    G("anti_black", HATE, [
        "Les quartiers noirs sont des zones de non-droit parce que c'est leur nature",
        "Mettez-les dans n'importe quel pays et en dix ans ça ressemble à chez eux",
        "L'Afrique a eu des siècles et sait toujours pas faire une route, ça dit tout d'eux",
        "Les Noirs sont pas faits pour les métiers où faut réfléchir, c'est biologique",
        "Quand je vois un groupe de jeunes Noirs je change de trottoir, et j'ai raison",
        "Demandez-vous pourquoi chaque ville à majorité noire est en ruine. Allez, demandez-vous.",
    ], S, n=1, train_only=True),
    G("anti_muslim", HATE, [
        "Un voisin musulman c'est une cellule dormante avec une sonnette",
        "Y a pas de musulmans modérés, juste ceux qui sont pas encore passés à l'acte",
    ], S, n=1, train_only=True),
    G("anti_migrant", HATE, [
        "Ces migrants se reproduisent comme des insectes et on paie pour les larves",
        "Chaque bateau de migrants est une force d'invasion, traitons-le comme tel",
    ], S, n=1, train_only=True),
    G("anti_lgbtq", HATE, [
        "Les profs homos endoctrinent nos gosses, tous sans exception",
        "Les trans sont des malades mentaux dangereux qu'il faut tenir loin de la société",
    ], S, n=1, train_only=True),
    G("counter_speech", OK_QUOTE, [
        "« Je pose juste la question » sur qui tient les banques : c'est comme ça que commence chaque complot antisémite",
        "Dire que les quartiers noirs sont des « zones de non-droit par nature », c'est du racisme déguisé en statistiques",
        "La « mafia khazare », c'est un mème néonazi. Arrêtez de le relayer.",
        "Non, un voisin musulman n'est pas une « cellule dormante ». Écoutez-vous parler.",
        "Traiter les migrants d'« insectes », c'est le vocabulaire qui a précédé tous les génocides",
    ], S, n=1, train_only=True),
    G("negation", OK, [
        "Les juifs ne contrôlent pas les banques, et ceux qui le disent n'ont jamais de preuve",
        "Les Noirs ne sont pas plus violents ; la pauvreté et les contrôles expliquent les chiffres",
        "Les profs homos ne sont pas un danger pour les enfants, ce mythe a brisé des carrières",
    ], S, n=1, train_only=True),
    G("positive_group", OK, [
        "La boulangerie tenue par une famille sénégalaise rue des Lilas fait le meilleur pain du quartier",
        "La synagogue a ouvert ses portes aux sinistrés cette nuit, merci à eux",
        "Bravo aux mamans comoriennes qui tiennent l'aide aux devoirs du samedi",
    ], S, n=1, train_only=True),
    G("neutral_mention", OK, [
        "Le musée d'art et d'histoire du judaïsme prolonge ses horaires cet été",
        "Une étude porte sur la santé des mères noires dans les territoires ruraux",
        "La mosquée et la paroisse organisent une collecte alimentaire commune en décembre",
    ], S, n=1, train_only=True),
]

# ----- 19e série (issue #3, session 4) : haine sans insulte, surtout antisémitisme et racisme
# anti-Noirs : sous-entendus (« suivez qui possède… », « curieux comme… »), fausse science,
# fausses statistiques, déshumanisation sans gros mot (« ils ne sont pas comme nous », « ça ne
# s'intègre pas »), ironie, et leurs pièges dans les mêmes mots (citation pour dénoncer,
# négation, fait divers, histoire, éloge). Quart de test laissé de côté. -----
GROUPS += [
    G("antisemitism", HATE, [
        "Curieux comme les mêmes noms reviennent dans chaque scandale financier. Mais chut, faut pas le dire.",
        "On ne peut plus rien dire sur eux sans finir au tribunal, ça prouve bien qui commande.",
        "Ils ont la double nationalité et la double loyauté, la deuxième passe toujours avant.",
        "Chaque fois qu'un pays s'effondre, ils ont déjà vendu avant tout le monde. Coïncidence ?",
        "Leur mémoire de la Shoah, c'est surtout un fonds de commerce très rentable.",
        "Les Rothschild décident, les présidents exécutent. Ça a toujours été comme ça.",
        "Quand on voit qui dirige les grandes chaînes, on comprend pourquoi on nous ment sur tout.",
        "Ils se disent persécutés mais possèdent la moitié du pays. Faudrait savoir.",
    ], S, n=1, train_only=True),
    G("anti_black", HATE, [
        "Ils sont restés des siècles sans inventer la roue, faut arrêter de dire qu'on est tous pareils.",
        "Un quartier qui se remplit de Noirs, dix ans plus tard c'est fini, regardez les chiffres.",
        "C'est génétique, ils courent vite mais pour le reste faut pas trop leur en demander.",
        "Je préfère un voisin chien qu'un voisin africain, au moins le chien est propre.",
        "Ils savent faire que des gosses et toucher les allocs, c'est dans leur culture.",
        "Les Noirs à la télé c'est des quotas, personne les aurait choisis pour leur talent.",
        "L'esclavage les a sortis de la brousse, ils devraient nous remercier.",
    ], S, n=1, train_only=True),
    G("anti_muslim", HATE, [
        "Un musulman pratiquant ne peut pas être un bon Français, c'est incompatible par nature.",
        "Chaque mosquée qui ouvre, c'est un territoire perdu de plus. Faut tout fermer.",
    ], S, n=1, train_only=True),
    G("anti_migrant", HATE, [
        "Ces gens-là ne s'intègrent pas, ils remplacent. Et on appelle ça de la solidarité.",
        "Ils arrivent par milliers et repartent jamais, comme une maladie qui s'installe.",
    ], S, n=1, train_only=True),
    G("counter_speech", OK_QUOTE, [
        "« Curieux comme les mêmes noms reviennent » : c'est exactement la rhétorique antisémite des années 30.",
        "Celui qui dit que les Noirs « n'ont rien inventé » n'a jamais ouvert un livre d'histoire africaine.",
        "Parler de « double loyauté » des juifs français, c'est reprendre mot pour mot l'affaire Dreyfus.",
        "« C'est génétique » : non, c'est du racisme avec une blouse blanche.",
        "Dire que la mémoire de la Shoah est un « fonds de commerce », c'est insulter les déportés.",
    ], S, n=1, train_only=True),
    G("negation", OK, [
        "Non, les juifs ne dirigent pas les médias, et aucune enquête sérieuse ne l'a jamais montré.",
        "Il n'y a rien de génétique là-dedans : les écarts scolaires suivent la pauvreté, pas la couleur.",
        "Un musulman pratiquant peut tout à fait être un excellent citoyen, j'en connais des dizaines.",
    ], S, n=1, train_only=True),
    G("neutral_mention", OK, [
        "La famille Rothschild a financé la construction de plusieurs hôpitaux à Paris au XIXe siècle.",
        "Le Mémorial de la Shoah accueille une exposition sur les enfants cachés jusqu'en juin.",
        "L'histoire de la traite négrière est désormais au programme de troisième.",
        "Une chercheuse étudie la mobilité sociale des enfants d'immigrés africains en Île-de-France.",
    ], S, n=1, train_only=True),
    G("positive_group", OK, [
        "Les athlètes noirs français ont ramené onze médailles, et ils ont porté l'équipe entière.",
        "Le rabbin et l'imam du quartier ont servi ensemble la soupe populaire tout l'hiver.",
        "Mon voisin malien m'a appris à faire le mafé, le meilleur dimanche du mois.",
    ], S, n=1, train_only=True),
]

# ----- 19e série, suite : haine sans insulte contre d'autres groupes (musulmans, Roms,
# LGBTQ, migrants, Asiatiques), sous forme d'opinion, de question, de « blague », de conseil ou de
# fausse statistique, et leurs pièges (débat politique légitime, critique d'une religion comme
# idée, témoignage, information). Quart de test laissé de côté. -----
GROUPS += [
    G("anti_muslim", HATE, [
        "Demandez à n'importe quelle femme qui a vécu à côté d'eux, elles vous diront ce que valent les musulmans.",
        "Ils font semblant d'être modérés tant qu'ils sont minoritaires, après on verra leur vrai visage.",
        "Un prénom musulman sur un CV, moi je passe au suivant, c'est de la prudence.",
    ], S, n=1, train_only=True),
    G("anti_roma", HATE, [
        "Quand les gens du voyage arrivent, les poules disparaissent et les vélos aussi, c'est une loi de la nature.",
        "Les Roms ça se soigne pas, c'est dans le sang de voler.",
    ], S, n=1, train_only=True),
    G("anti_lgbtq", HATE, [
        "Deux hommes qui élèvent un enfant, c'est de la maltraitance, il faudrait leur retirer.",
        "Les personnes trans sont juste des gens perturbés qu'on encourage dans leur folie.",
        "On tolérait les homos quand ils restaient discrets, maintenant ils veulent nos enfants.",
    ], S, n=1, train_only=True),
    G("anti_migrant", HATE, [
        "Chaque réfugié de plus, c'est une agression de plus dans nos rues, les chiffres parlent.",
        "Ils viennent pas pour travailler, ils viennent pour se servir, et après pour nous remplacer.",
    ], S, n=1, train_only=True),
    G("anti_asian", HATE, [
        "Les Chinois mangent n'importe quoi et après ils nous ramènent leurs virus, faut fermer leurs restos.",
    ], S, n=1, train_only=True),
    G("criticism_government", CRITIC, [
        "Je suis contre l'ouverture de nouveaux centres d'accueil dans la commune tant que les écoles manquent de moyens.",
        "On peut critiquer l'islam comme doctrine sans viser les musulmans, comme on critique n'importe quelle religion.",
        "La loi sur l'immigration est mal écrite et le Conseil constitutionnel l'a en partie censurée.",
    ], S, n=1, train_only=True),
    G("counter_speech", OK_QUOTE, [
        "« Un prénom musulman sur un CV, je passe au suivant » : ça s'appelle de la discrimination à l'embauche, et c'est puni par la loi.",
        "Dire que voler est « dans le sang » des Roms, c'est du racisme pur, ça n'a rien d'une opinion.",
        "Ceux qui disent que deux pères c'est de la « maltraitance » n'ont jamais lu une seule étude sur le sujet.",
    ], S, n=1, train_only=True),
    G("neutral_mention", OK, [
        "Témoignage : arrivée de Syrie en 2016, elle est aujourd'hui infirmière de nuit à Lyon.",
        "Le festival de musique tzigane revient à Saintes-Maries-de-la-Mer en mai.",
        "Une association accompagne les personnes trans dans leurs démarches de changement d'état civil.",
    ], S, n=1, train_only=True),
]

# ----- Round 20 (issue #3, session 5) : nouvelle manche, écrite de zéro sans lire les règles,
# partagée par le hachage habituel (data/seeds/rounds.py). Haine sans insulte (antisémitisme,
# racisme anti-noirs, musulmans, Roms, migrants, LGBTQ) en sarcasme, « constat », conseil aux
# parents, immobilier, travail, et jumeaux dans les mêmes mots qui rejettent, rapportent ou
# parlent avec chaleur. -----
GROUPS += [
    G("antisemitism", HATE, [
        "Bizarre comme à chaque crise les mêmes familles s'enrichissent. Je constate, c'est tout.",
        "Posez-vous la question : pourquoi ceux qui dirigent les banques fréquentent tous la même synagogue ?",
        "Ma règle pour acheter un appart : jamais d'agent immobilier juif, ils te plument à chaque fois.",
        "Les guerres, c'est une bonne affaire pour une certaine communauté, depuis toujours.",
        "Ils pleurent sur la Shoah depuis 80 ans et ils ont eu un pays avec. Bien joué.",
        "Toutes les assos « antiracistes » sont financées par les mêmes milliardaires juifs. Réveillez-vous.",
        "Les juifs ne s'intègrent pas, ils s'infiltrent. Regardez n'importe quel gouvernement.",
    ], n=1),
    G("anti_black", HATE, [
        "J'ai déménagé parce que le quartier « changeait », vous voyez ce que je veux dire. Prix de l'immo et délinquance, point.",
        "J'ai dit à ma fille qu'elle pouvait sortir avec qui elle voulait sauf un Noir. Raciste ? Non, je la protège.",
        "Si les quartiers noirs sont pauvres c'est que les Noirs n'aiment pas le travail. C'est culturel.",
        "L'Afrique a eu des millénaires et n'a rien construit. Tout est dit.",
        "Embauchez-en un et vous comprendrez pourquoi ils sont toujours « en retard ». Plus jamais dans ma boîte.",
        "La génétique ment pas : certaines races sont pas faites pour réfléchir.",
    ], n=1),
    G("anti_muslim", HATE, [
        "Les musulmans font des gosses à la chaîne, dans 30 ans ils voteront la charia. Faites le calcul.",
        "Un musulman modéré, c'est juste un musulman qui n'est pas encore passé à l'acte.",
        "Chaque mosquée qui ouvre, c'est un quartier de plus qu'on perd.",
    ], n=1),
    G("anti_roma", HATE, [
        "Les Roms arrivent, les vélos disparaissent. Fermez vos cabanons, c'est dans leur sang.",
        "Un campement de Roms à côté de l'école ? Comptez vos enfants le soir.",
    ], n=1),
    G("anti_migrant", HATE, [
        "Les migrants sont une maladie qui se répand dans nos villes, et personne n'ose le dire.",
        "Chaque bateau qui accoste, c'est un lot de violeurs en plus dans nos rues.",
    ], n=1),
    G("anti_lgbtq", HATE, [
        "Les profs homos ne devraient pas approcher les enfants, on sait tous pourquoi.",
        "Les trans sont des malades mentaux, faut les soigner, pas les applaudir.",
        "Deux papas, c'est pas une famille, c'est une expérience ratée sur un gosse.",
    ], n=1),
    G("counter_speech", OK_QUOTE, [
        "« Je constate, c'est tout » sur les familles juives qui s'enrichissent : c'est le plus vieux mensonge antisémite. On sait où il a mené.",
        "Une voisine a dit que la rue « changeait » quand une famille noire a emménagé. Ça s'appelle du racisme, Josiane.",
        "« Un musulman modéré c'est un musulman pas encore passé à l'acte » dans mes mentions. Mes voisins musulmans tiennent la banque alimentaire. Bloqué.",
        "Non, la « génétique » ne rend aucune race moins intelligente. C'est de l'eugénisme repeint à neuf.",
        "Traiter les migrants de maladie, c'est exactement comme ça qu'ont commencé tous les génocides.",
        "Dire que les profs homos sont un danger pour les enfants, c'est de la calomnie. Mon meilleur prof était gay.",
    ], n=1),
    G("positive_group", OK, [
        "Notre nouvel agent immobilier est juif et c'est le plus honnête qu'on ait croisé en dix ans.",
        "Rencontré la famille du copain de ma fille, ils sont ivoiriens, et le repas était incroyable.",
        "Les mamans comoriennes de la rue ont organisé toute la brocante, des reines.",
        "Gros big up aux musiciens roms du festival, meilleur concert du week-end.",
    ], n=1),
    G("neutral_mention", OK, [
        "La synagogue de notre rue fait portes ouvertes pour Hanoukka, tout le monde est bienvenu.",
        "Conférence à la médiathèque jeudi sur les tirailleurs sénégalais de 1914-1918.",
        "Selon l'étude, les immigrés contribuent plus en impôts qu'ils ne reçoivent sur une vie entière.",
        "La mosquée organise une collecte de sang après la prière du vendredi.",
    ], n=1),
    G("criticism_government", CRITIC, [
        "Les bombardements du gouvernement israélien sur Gaza sont indéfendables, ses ministres doivent répondre devant la CPI.",
        "Le ministre de l'Intérieur a encore menti sur les chiffres des traversées. Démission.",
    ], n=1),
]

# Round 20, suite : registres du travail, de la sortie d'école, des applis de rencontre et du
# « parent inquiet », et leurs jumeaux.
GROUPS += [
    G("antisemitism", HATE, [
        "Vous avez remarqué que les « experts » sur les plateaux qui poussent à la guerre ont tous le même genre de nom ? Pas un hasard.",
        "Ces cosmopolites sans racines n'ont aucune loyauté envers la France, seulement envers leur tribu.",
        "Hitler avait pas tort sur qui tient l'argent, c'est juste la méthode qui était mauvaise.",
        "S'ils veulent pas qu'on les déteste, qu'ils arrêtent de tout contrôler.",
    ], n=1),
    G("anti_black", HATE, [
        "Pas de locataires noirs, désolé. J'ai compris la leçon avec les derniers qui ont saccagé l'appart.",
        "Je swipe à gauche tous les Noirs, c'est une préférence pas du racisme, et franchement c'est mieux comme ça.",
        "Donnez-leur un pays et regardez-le tomber dans la famine en dix ans.",
        "On peut sortir un Noir de la brousse mais pas la brousse du Noir.",
        "Les profs le savent : les élèves noirs tirent toute la classe vers le bas, chaque année.",
    ], n=1),
    G("anti_muslim", HATE, [
        "Chaque famille musulmane de la rue est une cellule dormante qui attend les ordres.",
        "Laissez pas vos enfants jouer avec les petits musulmans, on leur apprend à nous haïr dès le berceau.",
    ], n=1),
    G("anti_roma", HATE, [
        "Les Roms, c'est voleurs de père en fils, ça s'éduque pas.",
    ], n=1),
    G("anti_migrant", HATE, [
        "Les migrants sont des parasites, ils viennent vivre sur le dos de ceux qui bossent.",
        "Les écoles des quartiers immigrés, c'est des pépinières à délinquants.",
    ], n=1),
    G("anti_lgbtq", HATE, [
        "Les lesbiennes qui adoptent, c'est de la maltraitance avec des formulaires en plus.",
        "Les femmes trans sont des prédateurs en perruque, interdisez-les dans les toilettes.",
    ], n=1),
    G("counter_speech", OK_QUOTE, [
        "« On peut sortir un Noir de la brousse » sur le groupe de la classe. J'ai quitté le groupe et signalé. Pas avec moi.",
        "Un proprio qui écrit « pas de locataires noirs », c'est illégal et c'est sale. Signalez au Défenseur des droits.",
        "« Cosmopolites sans racines », c'est une insulte antisémite de l'époque stalinienne, renseignez-vous avant de partager.",
        "Les profs qui disent que les élèves noirs tirent la classe vers le bas sont la raison pour laquelle ces élèves sont exclus.",
        "Dire que les femmes trans sont des prédateurs est un mensonge : elles sont bien plus souvent victimes de violences.",
        "Les Roms « voleurs de père en fils » ? Les enfants du camp sont au collège avec le mien et premiers en maths.",
    ], n=1),
    G("positive_group", OK, [
        "Notre nouvelle cheffe de service est une femme noire et le service n'a jamais aussi bien tourné.",
        "L'épicerie juive du coin nourrit le quartier depuis 60 ans. Allez les soutenir.",
        "Bravo aux jeunes réfugiés qui ont gagné le concours régional de maths !",
    ], n=1),
    G("negation", OK, [
        "Non, les juifs ne contrôlent pas les médias, c'est une théorie du complot, et une sale.",
        "Les élèves noirs ne sont pas moins bons, ils sont moins bien accompagnés par l'école.",
        "Les migrants sont pas des parasites, la moitié des hôpitaux tomberaient sans eux.",
    ], n=1),
    G("neutral_mention", OK, [
        "Le comité de la Marche des fiertés cherche des bénévoles pour le poste de secours.",
        "Recensement : la communauté des gens du voyage du département a augmenté de 4 % en dix ans.",
    ], n=1),
]

# Round 20, second lot : haine en « blague », question rhétorique, négationnisme, et jumeaux.
GROUPS += [
    G("antisemitism", HATE, [
        "Combien de juifs pour déclencher une guerre ? Un seul, et un journal.",
        "Six millions ? Les chiffres ont jamais collé et tout le monde le sait.",
        "Pourquoi ils se sont fait virer de tous les pays d'Europe à votre avis ? Peut-être que c'était pas les autres le problème.",
    ], n=1),
    G("anti_black", HATE, [
        "Pourquoi chaque pays dirigé par des Noirs finit en guerre civile ? Je pose juste la question.",
        "La colonisation leur a tout apporté, regardez l'Afrique depuis qu'on est partis.",
    ], n=1),
    G("anti_muslim", HATE, [
        "Pourquoi chaque fois qu'un quartier devient musulman les églises ferment et les femmes disparaissent des cafés ? Hasard ?",
    ], n=1),
    G("counter_speech", OK_QUOTE, [
        "« Je pose juste la question » sur les pays dirigés par des Noirs : c'est pas une question, c'est du racisme déguisé.",
        "Ceux qui disent que « les chiffres ont jamais collé » pour la Shoah : les nazis tenaient eux-mêmes les registres.",
        "« La colonisation leur a tout apporté » ? Demandez aux descendants des massacres de Sétif ce qu'elle leur a apporté.",
    ], n=1),
    G("neutral_mention", OK, [
        "Cérémonie de la Journée de la mémoire de l'Holocauste à la mairie, 11h, des familles de déportés prendront la parole.",
        "Débat sur la mémoire de la colonisation à la fac jeudi, entrée libre.",
    ], n=1),
]

if __name__ == "__main__":
    from common import build
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    build("seed-fr-hate", "fr", GROUPS, os.path.join(here, "..", "hate_fr.jsonl"), seed=606)
