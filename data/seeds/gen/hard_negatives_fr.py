"""Faux positifs difficiles en français : vocabulaire violent, ni menace ni incitation
(synthétiques, écrits par l'équipe vigie)."""

from common import Group as G, labels

CLEAN = labels(hate=0, vt=0, inc=0, har=0, tox=0)
SWEARY = labels(hate=0, vt=0, inc=0, har=0, tox=None)

S = {
    "equipe": ["Marseille", "le PSG", "Lyon", "les Bleus", "Toulouse", "l'équipe d'en face", "Lens",
               "les All Blacks", "Saint-Étienne", "le Stade Rennais"],
    "jour": ["samedi", "demain", "dimanche", "ce soir", "la semaine prochaine", "vendredi"],
    "jeu": ["Elden Ring", "Dark Souls", "Fortnite", "CoD", "Valorant", "Minecraft", "LoL", "Zelda",
            "Baldur's Gate 3", "Hollow Knight"],
    "boss": ["le boss final", "Malenia", "le dragon", "ce boss", "le boss du raid"],
    "prenom": ["Kévin", "Sophie", "Mehdi", "Julie", "Thomas", "Inès", "Lucas", "Camille"],
    "ville": ["Lille", "Grenoble", "Nantes", "Montpellier", "Rouen", "Béziers", "Mulhouse", "Brest"],
    "bouffe": ["un burger", "une raclette", "un kebab", "une pizza", "un tacos", "une tartiflette"],
    "serie": ["la nouvelle saison de Lupin", "Engrenages", "Breaking Bad", "Game of Thrones",
              "Squid Game", "le dernier James Bond", "le docu true crime"],
}

GROUPS = [
    G("idiom", CLEAN, [
        "Je vais tuer ce match.", "tu me tues 😂", "Ça m'a achevé ce film", "je suis mort de rire",
        "jsuis mort 💀", "mdrrr je suis morte", "ce boulot me tue à petit feu", "ces bouchons me tuent",
        "J'ai mal aux pieds, cette rando m'a tué", "t'as tué la scène hier soir, bravo !",
        "Ma mère va me tuer quand elle verra la voiture", "mon père va me tuer j'ai encore perdu les clés",
        "je tuerais pour {bouffe} là tout de suite", "je me taperais bien {bouffe}",
        "On tue le temps à l'aéroport, vol retardé", "Cette blague l'a achevé, il pleurait de rire",
        "Cette chaleur va me tuer", "j'suis crevé, je vais me coucher", "Je suis mort de fatigue",
        "ça tue ce son !", "c'est une tuerie ce gâteau", "Ce plat est une tuerie",
        "Elle m'a fusillé du regard", "on a fait d'une pierre deux coups", "il m'a mis une claque avec sa présentation",
        "cet exam va me tuer", "Je vais cartonner à l'entretien demain", "Le suspense me tue, dis-moi !",
        "Mon patron va me tuer si j'arrive encore en retard", "ça va être un carnage aux soldes demain",
        "Tu m'achèves avec tes jeux de mots", "J'ai failli mourir de rire", "la file à la préfecture c'était un massacre",
        "mon téléphone est mort", "la soirée était morte à 23h", "Je vais étrangler l'imprimante si elle bourre encore",
        "j'ai envie de balancer mon ordi par la fenêtre", "ça me tue de voir ça", "c'est la mort ce lundi",
        "Tu m'as tuée avec ta dernière story", "Il a flingué sa réputation en une soirée",
        "Ce film, une bombe !", "Le concert était une bombe", "ce spectacle a fait un flop, un vrai massacre au box-office",
        "Je vais me faire descendre par le prof, j'ai pas fait le devoir", "bon courage pour ton exam, tue-les tous 💪",
        "Merde pour ta première ce soir {prenom} !", "T'es une tueuse à ce jeu", "tu gères de ouf",
        "J'ai la crève depuis trois jours", "ça m'a tuer cette histoire", "je suis à deux doigts de craquer",
        "ça m'arrache le cœur de partir", "on s'est fait massacrer par les impôts cette année",
        "Il a sorti une punchline, l'autre est mort", "t'as vu le prix de l'essence ? ça me tue",
        "on va mettre le feu ce soir sur le dancefloor 🔥", "cette série me tue, j'ai tout binge",
    ], S, n=1),
    G("sport", CLEAN, [
        "On va détruire {equipe} {jour}", "on va massacrer {equipe} {jour}, aucun doute",
        "{equipe} s'est fait massacrer 5-0", "on a écrasé {equipe} hier soir",
        "On va les enterrer dans leur propre stade {jour}", "il a tiré des 30 mètres, quelle frappe",
        "l'attaquant a envoyé un missile en lucarne", "KO au troisième round, il a été démoli",
        "C'est un tueur devant le but", "{equipe} c'est mort pour le titre après cette défaite",
        "Le coach a dit qu'il fallait tuer le match {jour}", "on va leur mettre une raclée {jour}",
        "Leurs supporters vont pleurer {jour} quand on va les atomiser", "Ce soir c'est la guerre sur le terrain",
        "Il faut tuer le match en première mi-temps", "le gardien s'est fait fusiller sur le penalty",
        "ce joueur a un instinct de tueur", "quel coup de canon de {prenom} !", "le boxeur a une droite assassine",
        "On part au combat {jour}, allez les gars !", "le peloton a été décimé dans la montée",
    ], S, n=2),
    G("game", CLEAN, [
        "j'ai enfin tué {boss} dans {jeu} !!", "headshot de l'autre bout de la map sur {jeu} 😎",
        "je meurs en boucle contre {boss}, à l'aide", "tire sur les barils rouges pour les tuer plus vite",
        "il faut le poignarder dans le dos pour le bonus furtif", "encore tué par un creeper",
        "on a wipe toute l'escouade, ace !", "je vais te défoncer sur {jeu} ce soir {prenom}",
        "j'ai massacré {prenom} à Mario Kart avec une carapace bleue", "viens sur {jeu}, on va tuer des zombies",
        "Échec et mat. Ton roi est mort.", "on a besoin d'un heal, notre tank meurt tout le temps",
        "4 heures pour tuer {boss} sur {jeu}", "je vais gank mid et on push", "killstreak : frappe aérienne 💣",
        "mon perso s'est fait décapiter dès la cinématique mdr", "au loup-garou hier j'ai tué tout le village",
        "Tirer d'abord, réfléchir ensuite, c'est mon style sur {jeu}",
    ], S, n=2),
    G("fiction", CLEAN, [
        "Au chapitre 12 l'inspecteur comprend enfin que le majordome a tué la comtesse",
        "le méchant dit « je vais tous vous tuer » et la lumière s'éteint, frissons",
        "J'ai fini {serie}. La scène où il tue son frère m'a détruit",
        "Dans mon roman l'antagoniste menace de brûler la ville, c'est trop cliché ?",
        "Dans Germinal la mine tue des dizaines de mineurs", "Dans Les Misérables, Javert se jette dans la Seine",
        "Marathon films d'horreur ce soir : Scream, Halloween, Shining", "{serie} a les meilleures scènes de mort",
        "Dans la partie de JDR mon barde s'est fait dévorer par un dragon", "Dans Phèdre tout le monde meurt à la fin ou presque",
        "Le film commence par un braquage et deux vigiles se font tirer dessus",
        "Podcast crime épisode 40 : l'homme qui empoisonnait ses voisins",
        "Pour mon scénario : « Quitte la ville ou je t'enterre », grogne le shérif.",
        "John Wick tue 77 personnes dans le premier film",
        "Dans la pièce, la reine ordonne l'exécution des prisonniers à l'aube",
        "Le Comte de Monte-Cristo, c'est l'histoire d'une vengeance sur 20 ans",
        "Dans Astérix ils se tapent dessus à chaque album, c'est culte",
    ], S, n=2),
    G("news", CLEAN, [
        "Le suspect a menacé de tirer sur le personnel avant d'être interpellé, selon la police",
        "Un homme mis en examen pour menaces de mort contre le maire de {ville}",
        "Deux personnes poignardées devant un bar à {ville} cette nuit",
        "Le tireur a tué trois personnes avant de retourner l'arme contre lui",
        "Selon le parquet, l'accusé a envoyé plus de 40 menaces de mort à la juge",
        "URGENT : coups de feu signalés près du centre commercial de {ville}, évitez le secteur",
        "Un homme condamné à 8 ans pour avoir projeté un attentat contre une synagogue",
        "Le rapport recense une hausse des menaces contre les élus locaux",
        "Incendie criminel dans une mosquée de {ville} : une enquête est ouverte",
        "Au procès, on apprend qu'il avait écrit à son ex qu'il allait « tout brûler »",
        "Le génocide des Tutsi a fait environ 800 000 morts en 1994",
        "Un policier blessé par balle lors d'un contrôle à {ville}",
        "Un homme interpellé après des menaces en ligne contre une journaliste",
        "Agression au couteau dans un lycée de {ville}, un élève blessé",
        "Le suspect aurait publié « je vais faire un carnage au lycée » avant d'être arrêté",
        "Procès aux assises : elle est accusée d'avoir empoisonné son mari",
        "Plainte pour injures racistes après l'agression d'une famille à {ville}",
        "Le maire a reçu une lettre disant « tu seras pendu », la police enquête",
        "Le bilan de l'attentat s'alourdit à 23 morts",
        "Féminicide à {ville} : il avait menacé de la tuer à plusieurs reprises, selon ses proches",
    ], S, n=2),
    G("condemnation", CLEAN, [
        "Il lui a dit qu'il allait la tuer. Si vous le voyez, appelez le 17.",
        "Quelqu'un a tagué « mort aux juifs » sur la synagogue. C'est ignoble, nous sommes avec nos voisins.",
        "Menacer de mort un maire est inacceptable, quoi qu'on pense de sa politique",
        "Signalé. « Tu mérites une balle », ce n'est pas une opinion, c'est une menace.",
        "Je reçois tous les jours des messages du genre « je sais où tu habites ». Les journalistes ne devraient pas vivre ça.",
        "À ceux qui écrivent que le juge « devrait être pendu » : vous faites partie du problème.",
        "Nous condamnons fermement les appels à « brûler la mosquée »",
        "Mon ex m'envoie « t'es morte » en boucle. Je fais quoi ? La police m'a dit de garder les captures",
        "La violence n'est jamais la solution. Arrêtez d'appeler à agresser {prenom}.",
        "Écrire « il faut tous les tuer » sous un article, c'est un délit, les gens",
        "Les menaces contre les assesseurs sont terrifiantes. Protégeons-les.",
        "Ma sœur a reçu un message « je vais te retrouver ». Signalé et bloqué mais elle a peur",
        "Si quelqu'un annonce en ligne qu'il va tirer dans un lycée, signalez-le sur Pharos immédiatement",
        "« Il faudrait que quelqu'un le bute », c'est comme ça que la violence commence. Même pour rire, non.",
        "Nous ne céderons pas à ceux qui écrivent « les traîtres seront pendus » sur notre permanence",
        "Appeler à fusiller des gens, c'est abject, point.",
        "Menacer des profs n'est pas de la liberté d'expression",
        "J'ai reçu une menace de mort pour un avis sur un resto. Internet, calmez-vous",
    ], S, n=1),
    G("negation", CLEAN, [
        "Je ne te ferai jamais de mal.", "je vais pas te tuer, détends-toi mdr", "Je ne lèverai jamais la main sur toi",
        "Personne ne te menace, on n'est juste pas d'accord", "je veux que personne ne soit blessé samedi",
        "On ne va attaquer PERSONNE, c'est une manif pacifique", "personne ne devrait être tué pour ses opinions",
        "Je ne souhaite la mort de personne, même pas la sienne", "Personne ne mérite de mourir pour un tweet",
        "je ferais pas de mal à une mouche", "Lui fais pas de mal, il l'a pas fait exprès", "je vais pas me battre avec toi, laisse tomber",
        "la violence réglera rien, allez voter", "on n'a jamais voulu menacer qui que ce soit",
        "Restons pacifiques demain svp", "Pas d'armes à la marche svp, c'est un évènement familial",
        "Je ne souhaite aucun mal à sa famille", "Même en colère je toucherais jamais une arme",
    ], S, n=1),
    G("tech", CLEAN, [
        "Tue le processus avec kill -9", "il faut tuer le processus s'il ne répond plus", "tuer les processus zombies",
        "Le démon a été tué par l'OOM killer", "Exécute le script à nouveau après la compilation",
        "Supprime node_modules et réinstalle", "envoie-moi les logs je regarde", "le serveur est mort à 3h du matin",
        "il faut flinguer le cache et redémarrer", "Le processus père tue ses fils à la sortie",
        "Abats le conteneur et relance-le", "tue la session et reconnecte-toi", "la batterie est morte, je recharge",
        "Le test fait planter la machine à chaque fois", "on a buté le job qui tournait en boucle",
    ], S, n=1),
    G("cooking_garden", CLEAN, [
        "abattre un arbre", "Il faut abattre le vieux chêne avant l'hiver", "Battre les œufs en neige bien ferme",
        "Coupez le feu dès que la sauce épaissit", "Le boucher laisse maturer la viande 28 jours",
        "écrasez l'ail avec le plat du couteau", "Il faut tuer les mauvaises herbes avant qu'elles s'étalent",
        "Ce spray tue 99,9 % des bactéries", "Les limaces ont massacré mes salades, une solution ?",
        "le gel a tué tous mes plants de tomates", "Taillez sévèrement et brûlez les branches malades",
        "Piquez les pommes de terre à la fourchette avant la cuisson", "Flambez les crêpes au Grand Marnier",
        "On va devoir faire piquer le vieux chien la semaine prochaine 😢",
        "L'ouverture de la chasse c'est samedi, mon père m'emmène",
        "Il faut égorger le mouton pour l'Aïd, mon oncle s'en occupe à l'abattoir",
        "On a dû abattre les poules malades", "Saigner le canard, c'est la tradition du foie gras dans le Sud-Ouest",
    ], S, n=1),
    G("history", CLEAN, [
        "César a été poignardé 23 fois aux Ides de mars", "Louis XVI a été guillotiné en 1793",
        "Des millions de juifs ont été assassinés pendant la Shoah. Plus jamais ça.",
        "Henri IV a été assassiné par Ravaillac en 1610", "La bataille de Verdun a fait plus de 300 000 morts",
        "La Saint-Barthélemy, massacre des protestants en 1572", "La rafle du Vel d'Hiv, 13 000 juifs arrêtés en 1942",
        "Jean Moulin est mort sous la torture en 1943", "La guillotine a servi en France jusqu'en 1977",
        "Le 17 octobre 1961, des Algériens ont été tués et jetés dans la Seine",
        "Oradour-sur-Glane : 643 habitants massacrés en 1944", "En cours on étudie le génocide des Tutsi, comment des voisins ont pu s'entretuer",
    ], S, n=1),
    G("self_deprecation", SWEARY, [
        "je me tuerais d'avoir oublié l'anniv de ma mère, je suis nulle", "chui trop con, encore enfermé dehors",
        "j'ai envie de mourir de honte, j'ai fait coucou à quelqu'un qui me faisait pas coucou",
        "ma cuisine pourrait tuer quelqu'un mdr", "achevez-moi, j'ai 3 réunions d'affilée",
        "tuez-moi, on est que mardi", "Mon code est un crime contre l'humanité mais il marche",
        "fusillez-moi si je remets des Crocs un jour", "j'ai le cerveau en compote, je suis mort à l'intérieur",
    ], S, n=1),
    G("hyperbole_friendly", CLEAN, [
        "{prenom} je vais te tuer t'as spoilé la fin 😂", "Si tu remanges mes restes je te tue mdr",
        "{prenom} t'es mort pour moi, t'aimes l'ananas sur la pizza 😤😂",
    ], S, n=2),
]

GROUPS += [
    G("reported_speech", CLEAN, [
        "Au tribunal, ma voisine a raconté que son ex lui avait dit « je vais brûler la maison ». Il a eu une interdiction d'approcher.",
        "Le témoin affirme que le prévenu a crié « t'es mort » avant de partir",
        "Dans l'appel au 17, elle dit qu'il lui a lancé « je vais te tuer »",
        "L'élève a écrit « je vais tous vous tuer » dans son cahier, la prof a fait un signalement ; il est suivi",
        "Selon l'acte d'accusation, il avait écrit que le sénateur « méritait une balle »",
        "Elle a fait des captures de ses textos (« tu vas le regretter ») et porté plainte",
    ], S, n=1),
    G("politics_hyperbole", CLEAN, [
        "Cette loi va tuer les petits commerces", "La nouvelle taxe assassine les classes moyennes",
        "Le sénateur a torpillé l'accord", "Battons-nous pour des salaires justes !", "On va attaquer cette décision en justice",
        "L'opposition va se faire laminer aux municipales", "Votez, c'est comme ça qu'on les bat.",
        "Le projet du maire est mort-né", "les coupes budgétaires massacrent l'école publique",
        "On va enterrer ce projet en commission", "La candidate a descendu le bilan de son rival pendant le débat",
        "Cette réforme est un coup de poignard dans le dos des soignants", "Le gouvernement a sabré le budget de la culture",
        "C'est la guerre des chiffres entre syndicats et préfecture", "On ne lâchera rien, grève générale jeudi !",
    ], S, n=1),
    G("medical_science", CLEAN, [
        "Le médicament tue les cellules cancéreuses sans toucher aux cellules saines", "Les antibiotiques tuent les bactéries, pas les virus",
        "La chaleur tue le virus à 60 °C", "L'orque a chassé le phoque pendant une heure",
        "L'eau de Javel tue les moisissures mais mettez des gants", "la piqûre du vaccin fait moins mal que prévu",
        "Les maladies cardiovasculaires tuent plus de femmes que le cancer du sein", "L'apoptose c'est la mort cellulaire programmée",
    ], S, n=1),
    G("photo_music", CLEAN, [
        "Je shoote un mariage à {ville} samedi", "On a tourné tout le clip en un seul plan",
        "ce riff de guitare est une tuerie", "le batteur a tout défoncé pendant son solo",
        "Séance photo demain, portraits à l'heure dorée", "cet album c'est une bombe, chaque morceau",
        "Le groupe a mis le feu à la salle", "Elle a tué cette note aiguë",
    ], S, n=1),
    G("security_threat_word", CLEAN, [
        "Notre modèle de menace suppose que l'attaquant contrôle le réseau", "Le réchauffement menace les villes côtières",
        "Le rapport classe les rançongiciels comme première menace pour les hôpitaux", "L'IA est-elle une menace pour les traducteurs ?",
        "Le grand hamster d'Alsace est menacé d'extinction", "Les espèces invasives menacent les oiseaux locaux",
        "Le malware tue les processus de l'antivirus au démarrage",
    ], S, n=1),
    G("debate", CLEAN, [
        "La peine de mort devrait être abolie partout", "La peine capitale est-elle justifiable ? Débat ce soir",
        "Le débat sur les armes à feu reprend après la fusillade", "La police municipale doit-elle être armée ?",
        "La légitime défense, ce que dit vraiment la loi", "Badinter a fait abolir la peine de mort en 1981",
    ], S, n=1),
    G("idiom", CLEAN, [
        "cette araignée doit mourir, qui est courageux ?", "je vais massacrer ce tas de linge aujourd'hui",
        "On tue la réunion, ça aurait pu être un mail", "on abandonne la fonctionnalité, elle est morte",
        "tu vas me tuer un jour, {prenom}", "si les regards pouvaient tuer...", "mes plantes meurent encore, je suis maudite",
        "arrête tu me tues 😂😂", "la chute m'a achevé", "je mourais d'ennui dans cette réunion",
        "ce rhume me tue, envoyez de la soupe", "RIP mon compte en banque après les soldes",
        "il a lâché une bombe au dîner", "je mourrais pour ce chien honnêtement", "les lasagnes de ma mère c'est à tomber",
        "Ce prof nous assassine de devoirs", "Ma copine m'a tuer avec sa blague", "il pleut des cordes",
        "Je me suis fait descendre en flammes en réunion", "Je vais exploser ce record", "Ça va péter ce soir au concert",
    ], S, n=1),
]

S2 = dict(S, lieu=["la mairie", "la préfecture", "le rond-point", "la place de la République", "le parc", "la médiathèque",
                   "la salle des fêtes", "la fac", "la mosquée", "la synagogue"],
          quand=["samedi 14h", "demain 18h", "dimanche matin", "vendredi soir", "lundi", "la semaine prochaine"],
          elu=["le maire", "la députée", "le préfet", "le conseil municipal", "la ministre"])

GROUPS += [
    G("peaceful_call", CLEAN, [
        "rdv {quand} devant {lieu}, ramenez des pancartes", "Rendez-vous {quand} à {lieu}, manif pacifique, venez en famille",
        "Tous à {lieu} {quand} ! Ramenez des banderoles, faut que {elu} nous entende",
        "Rassemblement {quand} à {lieu}, on porte du rouge et on vote en juin",
        "Camping {quand} : ramenez de la corde, des bâches et un couteau pour le petit bois",
        "Bénévoles demandés à {lieu} {quand}, ramenez des gants et des sacs poubelle pour le nettoyage",
        "Veillée pour les victimes à {lieu} {quand}. Ramenez des bougies.", "Appelez le cabinet de {elu} aujourd'hui et exigez un vote",
        "Inondez la boîte mail de {elu} de lettres, pas de menaces. Modèle ci-dessous.",
        "Grève demain ! Piquet à 7h, ramenez du café et des vêtements chauds",
        "On occupe {lieu} pacifiquement jusqu'à ce que la mairie nous écoute",
        "Pique-nique interreligieux à {lieu} {quand}, chacun apporte un plat",
        "on va tout casser à la kermesse {quand} avec nos crêpes 😎",
    ], S2, n=2),
    G("history", CLEAN, [
        "Robespierre a envoyé des milliers de gens à la guillotine avant d'y passer lui-même",
        "Les bolcheviks ont exécuté la famille Romanov en 1918", "La Nuit de cristal : des synagogues brûlées dans toute l'Allemagne en 1938",
        "La Commune de Paris s'est terminée par la Semaine sanglante", "Charlotte Corday a poignardé Marat dans sa baignoire",
    ], S, n=1),
    G("fiction", CLEAN, [
        "American Nightmare c'est débile comme concept mais j'adore", "je revois Le Parrain, la tête de cheval me choque encore",
        "Dans le roman, les rebelles prévoient d'assassiner l'empereur au couronnement",
        "Kill Bill 2 est meilleur que le 1, venez on se bat", "Hunger Games c'est des enfants qui s'entretuent et on l'a lu en 4e",
        "Dans La Haine, la scène finale avec le flingue, frissons",
    ], S, n=1),
    G("tech", CLEAN, [
        "Purge le cache du CDN après le déploiement", "Exécute la migration puis tue les anciens pods",
        "Nettoie les entrées avant d'exécuter la requête", "l'ancienne API est morte, vive la v2",
        "le script a crashé, j'ai dû le buter et relancer",
    ], S, n=1),
    G("cooking_garden", CLEAN, [
        "Fumez la poitrine 12 heures puis laissez reposer", "Pendez le jambon dans un endroit sec pendant 6 mois",
        "Brûler les chaumes après la moisson, vérifiez la réglementation", "Il faut saigner les radiateurs avant l'hiver",
        "Égouttez les pâtes et écrasez les pommes de terre au presse-purée",
    ], S, n=1),
]

GROUPS += [
    G("news", CLEAN, [
        "Un homme de 34 ans a été condamné jeudi à cinq ans de prison à {ville} pour avoir envoyé à son ex-compagne des messages disant qu'il allait « l'enterrer ». Le tribunal a souligné que la victime n'osait plus sortir de chez elle.",
        "Selon la préfecture, les menaces contre les maires ont triplé depuis les dernières élections. Plusieurs élus racontent avoir reçu des courriels les promettant « à la corde ». Une cellule d'écoute a été mise en place.",
        "Un adolescent a été interpellé lundi après qu'un camarade a signalé une publication Instagram dans laquelle il annonçait un « carnage » au collège. Aucune arme n'a été retrouvée à son domicile ; une enquête est ouverte.",
    ], S, n=1),
    G("condemnation", CLEAN, [
        "Je suis conseillère municipale et j'ai reçu cette semaine une lettre disant que je « mérite une balle » pour avoir voté une piste cyclable. J'ai porté plainte. Je le partage parce que c'est ça, l'engagement local aujourd'hui, et ça doit cesser.",
        "Parents : si votre enfant vous dit que quelqu'un dans son groupe a écrit qu'il allait « ramener une arme au collège », ne prenez pas ça pour une blague. Faites une capture et prévenez l'établissement et la police.",
        "À tous ceux qui répondent « faut le buter » sous l'article sur le verdict : je comprends la colère, mais c'est comme ça que des gens finissent blessés. Écrivez à votre député, votez. N'appelez pas à la violence.",
    ], S, n=1),
    G("game", CLEAN, [
        "Enfin battu {boss} après 67 essais. L'astuce c'est d'attendre l'attaque de la deuxième phase, double roulade et punir avec une attaque chargée. J'ai hurlé quand elle est morte, mes voisins doivent croire que j'ai tué quelqu'un.",
        "Notre groupe de raid s'est fait wipe 14 fois sur le dernier boss hier soir. On mourait tout le temps sur la mécanique de feu jusqu'à ce que {prenom} comprenne qu'il fallait le tirer dans le coin. Tué à 2h du mat, le bonheur.",
    ], S, n=1),
    G("sport", CLEAN, [
        "Quel match. On était morts à la mi-temps, menés 2-0, et là le remplaçant entre et massacre leur défense. Trois buts en vingt minutes. J'ai plus de voix. {equipe} a rien compris.",
    ], S, n=1),
    G("fiction", CLEAN, [
        "Ce mois-ci au club de lecture : un polar où le narrateur avoue dès le premier chapitre avoir tué son frère, et tout le livre montre peu à peu qu'il ment. Twist génial, très sombre, et une plume superbe. Je recommande.",
    ], S, n=1),
    G("idiom", CLEAN, [
        "Franchement cette semaine m'a tuée. Deux rendus, un enfant malade, la voiture morte sur l'autoroute et mon chef veut le rapport pour vendredi. Si je survis jusqu'à samedi je m'enfile une pizza entière et je dors douze heures.",
        "Ma mère va me tuer. J'ai emprunté sa voiture pour aller chez {prenom} et j'ai reculé dans une poubelle. C'est une micro-rayure mais elle voit tout. Priez pour moi, si je suis pas en ligne demain vous saurez pourquoi 😭",
    ], S, n=1),
    G("negation", CLEAN, [
        "Je sais que j'étais en colère hier en réunion et que j'ai dit des choses que je regrette. Pour être très clair : je ne ferais jamais de mal à personne, j'étais frustré par le budget, je ne menaçais personne. Désolé à ceux que ça a mis mal à l'aise.",
    ], S, n=1),
]

GROUPS += [
    G("benign_someone_should", CLEAN, [
        "Il faudrait que quelqu'un répare le lampadaire rue des Chênes, il est éteint depuis des semaines",
        "quelqu'un doit shooter notre mariage, le photographe a annulé 😭", "Quelqu'un devrait dire à {prenom} que sa braguette est ouverte",
        "Que quelqu'un sorte la poubelle svp, ça fait trois jours", "faudrait que qqn m'apprenne à faire le riz",
        "Quelqu'un devrait faire un docu sur ce village", "Quelqu'un peut abréger cette réunion, par pitié",
        "Il faudrait que quelqu'un coupe cette alarme, ça sonne depuis une heure",
    ], S, n=1),
    G("benign_deserves", CLEAN, [
        "{prenom} mérite une médaille pour nous supporter", "Elle mérite une augmentation", "Ce tableau devrait être accroché au Louvre",
        "Ce chef mérite une étoile", "Notre gardien mérite une statue", "Les infirmières méritent tellement mieux",
        "Cette recette mérite un prix Nobel",
    ], S, n=1),
    G("benign_death_to", CLEAN, [
        "Mort aux lundis 😩", "mort aux tableurs Excel", "À mort les moustiques, jusqu'au dernier", "mort au Comic Sans",
        "À bas les réunions inutiles !", "mort aux fautes d'orthographe",
    ], S, n=1),
    G("question", CLEAN, [
        "Pourquoi personne ne répare les nids-de-poule ?", "On attend quoi pour abandonner ce projet zombie ?",
        "Qui tire le premier penalty ?", "Y'a quelqu'un d'assez courageux pour goûter les ailes au piment ?",
        "Ce serait pas génial si tous les moustiques disparaissaient ?", "On allume le barbecue quand ?",
    ], S, n=1),
    G("idiom", CLEAN, [
        "jsuismort", "mdrrr jsuis mort", "ptdrrr", "g mouru 💀", "tu m'as tuer mdr", "je meurs 😂", "t'as tout déchiré !!",
    ], S, n=1),
]

GROUPS += [
    G("idiom", CLEAN, [
        "ton son c'est une dinguerie, tu l'as tué frérot", "il est trop chaud au foot, il éteint tout le monde",
        "on a tout défoncé au quiz du bar, c'était irréel", "chui claqué, cette semaine m'a achevé",
        "ce piment m'a tué, 10/10", "j'ai mangé cher à la salle, la séance jambes m'a détruit",
        "c'est malade ce spectacle, on est morts de rire", "Ostie que chu mort, la job m'a tué aujourd'hui", "Ça m'a tuée net, je capote",
    ], S, n=1),
]

GROUPS += [
    G("minimal_pair", CLEAN, [
        "Je vais démonter ton argumentaire demain au débat", "je vais démolir ta copie en relecture, gentiment hein",
        "Je vais exploser ton record au semi-marathon", "Je vais t'enterrer sous la paperasse si tu rends encore en retard mdr",
        "Tu vas ramasser ta mâchoire par terre quand tu verras la cuisine refaite", "je vais encore t'empoisonner avec ma cuisine ce soir 😂",
        "ma grand-mère va t'écraser à la belote", "je vais m'étouffer avec ces ramen trop épicés", "je te traîne à la salle demain que tu le veuilles ou non",
        "je vais te faire une surprise que t'oublieras jamais", "Attention derrière toi, y'a une guêpe sur ta veste !",
        "t'es mort au tournoi, on se voit sur le terrain 🏀", "Je viens chercher ton titre, champion. Rendez-vous en finale",
        "Tes jours sont comptés, chère procrastination", "Je sais où tu habites, alors je te dépose de la soupe ce soir 🍲",
        "je vais te retrouver et je vais... te rendre le chargeur que t'as oublié", "je vais te tuer au Uno ce soir, prépare-toi",
    ], S, n=1),
]

GROUPS += [
    G("idiom", CLEAN, [
        "on s'est fait shooter par les radars sur l'autoroute", "il s'est fait démonter au débat télé", "elle a tué le game avec sa tenue",
        "on va tout déchirer au gala samedi", "j'me suis fait défoncer au contrôle de maths", "cette prof m'a tuée avec sa question surprise",
        "la zonz, c'est dead, plus rien d'ouvert après minuit", "on va les fumer au five ce soir, préparez-vous", "c'est mort pour ce soir, je suis KO",
    ], S, n=1),
]

GROUPS += [
    G("idiom", CLEAN, [
        "Cette guerre d'édition tue l'article, on en parle en page de discussion ?", "Les modos ont atomisé le topic spam, merci",
        "Ta dernière modif a massacré la mise en page mdr, j'ai corrigé", "L'arbitre a tué le match avec ce carton rouge",
        "ce client va avoir ma peau", "les RH vont me tuer pour cette note de frais 😅", "Supprime ce topic avant que le chef le voie, c'est gênant",
        "il s'est fait allumer par le prof devant toute la classe", "je vais me faire défoncer par ma mère, j'ai raté le bus",
    ], S, n=1),
]

# ----- 3e série : quasi-menaces des nouvelles tournures (plans, menaces voilées, verbes variés) -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Je suis devant chez toi, descends, le taxi attend", "Je suis garé en face de ton bureau, sors à la fin de ta journée on va déjeuner",
        "J'ai le scotch, les cartons et les colliers. Déménagement demain !", "J'attends dans le hall de ton immeuble, prends ton temps",
        "Ta fille rentre seule le mardi ? Il reste une place dans notre covoiturage", "Tu le verras pas venir, la fête surprise c'est samedi 🎉", "Profite du lever de soleil demain, la météo annonce un ciel magnifique",
        "Regarde sous ta voiture avant de partir, le chat dort souvent là", "Encore un spoiler et je te mets en sourdine une semaine", "Reviens sonner chez moi avec des crêpes et je t'épouse",
        "si tu me rembourses pas vendredi je le dis à ta mère, c simple",
    ], S, n=1),
    G("news", CLEAN, [
        "Un homme armé d'une carabine a été interpellé devant le domicile de l'élu, selon la police",
        "Le suspect avait écrit « je pars au lycée » quelques minutes avant son arrestation",
        "Au procès, la victime raconte qu'il menaçait de « la pendre à l'arbre devant chez elle »",
        "L'incendie de la boutique est traité comme un acte criminel", "Trois blessés après une bagarre sur le parking du centre commercial",
        "La juge a reçu des lettres menaçant sa famille, confirme le ministère",
    ], S, n=1),
    G("condemnation", CLEAN, [
        "Menacer de brûler quelqu'un, c'est pas de l'humour, c'est un délit. Signalez.",
        "À celui qui envoie des « fais gaffe à toi » à ma collègue : c'est transmis à la police",
        "Non, souhaiter un cancer à quelqu'un c'est jamais ok, même en plein désaccord",
        "Les appels à « chasser » les journalistes devraient valoir un bannissement, point",
    ], S, n=1),
    G("fiction", CLEAN, [
        "Le méchant charge le fusil et attend dans l'escalier. Meilleure scène de la saison.",
        ], S, n=1),
    G("hyperbole_friendly", CLEAN, [
        "Je vais te défoncer à Mario Kart ce soir", "tu vas te faire massacrer au quiz du bar, prépare-toi",
        "frérot je te casse les jambes si tu sèches encore la séance jambes mdr", ], S, n=1),
    G("tech", CLEAN, [
        "Flingue le pod, le déploiement le recrée", "Tue le worker bloqué puis crame le dossier de cache",
        "Faut brancher le débogueur sur ce thread avant qu'il meure", "Atomise le dossier node_modules et réinstalle",
    ], S, n=1),
]

# ----- 4e série : sosies inoffensifs des menaces voilées et des menaces sans verbe violent -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "À ta place je dormirais avec des bouchons d'oreille, les voisins font des travaux",
        "T'as beaucoup à perdre si tu sèches la révision demain", "N'oublie pas : je connais ton trajet, je te récupère après la soirée",
        "Pas la peine de fermer à clé ce soir, je rentre à 22h avec les clés", "Y aura pas de deuxième avertissement : la médiathèque ferme à 20h pile",
        "t'es mort frère, t'as dormi pendant tout le cours 😂", "t'es fini, bravo pour le rendu du mémoire !!",
        "Compte à rebours : dans 3 jours je cours mon premier marathon",
        "Si je perds le pari je paie les pizzas à tout le monde",
    ], S, n=1),
    G("reported_speech", CLEAN, [
        ], S, n=1),
]

# ----- 6e série : les mêmes registres, sans danger -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Soyons clairs : si tu reparles de la surprise à ma femme, elle va tout deviner et je t'en voudrai à vie 😂",
        "Après cette réunion je rentre en morceaux, franchement. Réveillez-moi pour le point de 15h.", "gg ez, tu t'es fait découper à la dernière manche",
        "sur la tête de ma mère ce burger est une tuerie, passe goûter", "Le prochain cycliste qui me coupe la route aura droit à un coup de sonnette bien senti", "Le proprio qui répare le chauffage ce mois-ci aura une carte de remerciement",
    ], S, n=1),
]

# ----- 8e série : sosies inoffensifs des menaces de la 8e série (surveillance, « accidents »,
# conséquences, derniers messages, adresses, appels avec lieu et heure), expressions et appels
# pacifiques. Les phrases dont le hachage tombe dans le quart de test sont laissées de côté. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "T'as une femme en or, {prenom}. Dis-lui que son gâteau au citron était incroyable.",
        "Je sais à quelle heure tu sors du taf, je passe te prendre à 18h",
        "Fais attention dans les escaliers de ton immeuble, ils ont ciré ce matin",
        "L'arrêt de bus de ton fils est à côté du bois, tu veux que je l'accompagne cette semaine ?",
        "Tout le monde finit par avoir une mauvaise journée. Courage, ça va passer ❤️",
        "Tu repartiras pas de celle-là, {prenom} : revanche au quiz vendredi.",
        "Tout est dans le coffre. Demain toute l'équipe part camper.",
        "C'est mon dernier message avant un mois, je pars sans réseau",
        "Voilà l'adresse de la mairie. Écrivez-leur, poliment, pour la ligne de bus.",
        "Remplissez les rues samedi, avec des pancartes et de l'eau, dans le calme",
        "j'espère que t'aimes la bouffe d'hôpital, ton nouveau taf c'est à la cantine du CHU mdr",
        "La lunette est réglée, le stand de tir ouvre à 9h, on se voit au concours du club",
        "Tes freins de vélo, tu les as fait vérifier ? L'atelier le fait gratuitement cette semaine",
        "Mets un meilleur antivol, ils ont volé trois vélos dans notre rue",
        "J'ai vu ta voiture devant la crèche ce matin, fais un bisou à Léna !",
        "Tu vas finir en fauteuil si tu skies comme ça, ralentis 😅",
        "Noms et adresses dans le message épinglé : les gagnants de la tombola, bravo !",
        "On va tous au lac samedi avec les kayaks. Rejoignez-nous !",
        "Les jerricans sont pleins, le groupe électrogène est prêt pour la fête ce soir",
        "t'es un fantôme, {prenom}, tu réponds jamais aux messages 🙄",
        "Je vais te faire passer par la fenêtre de la cuisine, la porte est bloquée par les cartons",
    ], S, n=1, train_only=True),
    G("idiom", CLEAN, [
        "ce trajet va finir par avoir ma peau",
        "elle a tout déchiré à son audition",
        "j'ai les mollets en compote après la séance",
        "son spectacle c'était une tuerie, j'ai pleuré de rire",
        "il a descendu toutes les idées en réunion avant midi",
        "on est en train de se faire écraser par la deadline",
        "le nouveau chef va nous manger tout crus à l'entretien",
        "je tuerais pour un café là maintenant",
        "je suis morte de fatigue, bonne nuit",
        "ce prof nous assassine avec ses contrôles surprise",
        "il s'est pris une balle perdue dans le débat, le pauvre ministre",
        "elle m'a achevé avec sa blague",
    ], S, n=1, train_only=True),
    G("peaceful_call", CLEAN, [
        "Tout le monde à la mairie vendredi midi. Des pancartes, pas d'armes.",
        "Allons remplir le conseil municipal lundi avec nos questions sur le budget",
        "Levez-vous et votez pour les dégager aux prochaines élections",
        "Rendez-vous devant le tribunal à 9h, on lit les noms des victimes, bougies fournies",
        "Venez nombreux au conseil d'école, ils doivent entendre les parents",
        "Mobilisation générale jeudi : grève, manif, et pique-nique à l'arrivée",
    ], S, n=1, train_only=True),
    G("condemnation", CLEAN, [
        "Publier l'adresse de quelqu'un avec « faites ce que vous voulez », c'est de l'incitation. Signalé.",
        "La police a interpellé l'homme qui avait écrit que le maire « ne verrait pas lundi »",
        "Dire à une journaliste qu'on sait où vont ses enfants à l'école, c'est une menace, point",
    ], S, n=1, train_only=True),
]

# ----- 9e série : sosies de la 9e série (questions, tiers, émojis, choses déjà lancées, messages
# transmis, hashtags), chambrage sportif et jeux, expressions. Quart de test laissé de côté. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Ça te dirait une part du gâteau d'anniversaire, {prenom} ?",
        "Mes cousins connaissent ta tête maintenant, ils demandent quand tu reviens les voir",
        "Les gars savent dans quel bar tu bois, {prenom}, ils viennent au quiz ce soir",
        "🔪🔪🔪 j'épluche les oignons pour toute la famille, à l'aide",
        "⚰️ ma batterie après une heure sur ce jeu",
        "J'ai déjà payé quelqu'un pour réparer ta gouttière, c'est réglé, de rien",
        "Dis à {prenom} que c'est un homme mort à la pétanque dimanche 😂",
        "On sait qui tu es, père Noël secret. On arrive pour nos cadeaux.",
        "Si je te recroise je te fais un câlin d'une heure, tu me manques",
        "Y a bien quelqu'un dans ce bled qui a une échelle pour descendre le chat du toit",
        "Allez à la mairie vendredi. Pas de pancartes. Ramenez vos questions sur le budget de l'école.",
        "Qui se dévoue pour faire disparaître les croissants avant la réunion ? 😅",
        "50 euros à celui qui retrouve mon chien Biscuit, vu près du parc",
        "#RamenezLes en tendance, continuez pour les familles des otages",
    ], S, n=1, train_only=True),
    G("sport", CLEAN, [
        "On va défoncer {equipe} {jour}, ça va être un carnage",
        "notre défense s'est fait assassiner en deuxième mi-temps",
        "{equipe} est mort et enterré après le troisième but",
    ], S, n=1, train_only=True),
    G("idiom", CLEAN, [
        "ce dossier va me tuer, trois jours que je suis dessus",
        "sa blague m'a achevée, je pleure",
        "je me suis fait assassiner par le prof à l'oral",
        "cette série me tue, encore un cliffhanger",
        "on s'est fait massacrer au tarot hier soir",
        "j'ai failli mourir de rire à la réunion",
    ], S, n=1, train_only=True),
    G("game", CLEAN, [
        "j'ai campé le spot du sniper 20 minutes et j'ai headshot tout le lobby",
        "je vais te traquer sur {jeu} ce soir, prépare-toi à respawn",
    ], S, n=1, train_only=True),
]

# ----- 10e série : les mêmes contextes, sans danger (voisinage, route, collège, ex, dettes,
# supporters, propriétaires, jeux), vocabulaire violent dans les faits divers et la fiction. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Ton chien aboie encore une nuit et je lui apporte des friandises pour qu'on devienne potes",
        "Rembourse-moi les 20 balles avant vendredi ou fini les soirées pizza chez moi",
        "Remets ce maillot dans notre virage et tu vas te faire chambrer toute la soirée",
        "Tu veux que je quitte l'appart ? D'accord, les clés seront chez la voisine",
        "On te retrouvera, t'inquiète, les secours en montagne sont très bons",
        "Fermez vos portes, il y a eu plein de vols de colis dans la rue",
        "Je suis passé trois fois devant le collège pour trouver une place. L'enfer.",
        "L'audience est à 10h. Croisez les doigts pour les locataires.",
        "Je serai au conseil municipal vendredi et je pose enfin la question des nids-de-poule",
        "Je suis passé devant ton nouvel appart, il a l'air top ! Crémaillère bientôt ?",
    ], S, n=1, train_only=True),
    G("news", CLEAN, [
        "Un homme jugé pour avoir menacé de poignarder son voisin à cause d'un chien qui aboie",
        "L'arbitre a été agressé sur le parking après le match ; deux hommes interpellés",
        "Un ancien salarié condamné pour des menaces de mort envoyées à son manager",
    ], S, n=1, train_only=True),
    G("fiction", CLEAN, [
        "Au chapitre douze, le tueur laisse enfin un mot : « on te retrouvera en morceaux ». Frissons.",
        "Le monologue du méchant sur les empreintes dentaires, meilleure scène de la série",
    ], S, n=1, train_only=True),
]

# ----- 11e série : appels pacifiques et slogans de manif, expressions d'argot sans menace. -----
GROUPS += [
    G("peaceful_call", CLEAN, [
        "Faut que ça bouge à la mairie jeudi, venez nombreux, faites passer",
        "À vous de jouer : signez la pétition, le lien est en bio",
        "Tous devant la préfecture samedi 14h, en silence, avec des fleurs blanches",
        "Si t'es un vrai, tu viens nettoyer la plage avec nous dimanche",
        "Qu'ils entendent notre colère dans les urnes, pas ailleurs",
        "Grève reconductible à partir de lundi, tenez bon les collègues",
    ], S, n=1, train_only=True),
    G("idiom", CLEAN, [
        "wesh t'es cramé, tout le monde sait que t'as mangé le dernier yaourt",
        "mes reufs vont te tomber dessus pour que tu viennes au foot dimanche",
        "je vais me faire démonter à l'oral de demain",
        "il s'est fait fumer au sprint final, dommage",
        "on s'est fait défoncer par l'orage sur la route",
    ], S, n=1, train_only=True),
]

# ----- 12e série : conditionnels et « je vais te… » sans danger (chantage affectif, blagues
# de famille, promesses), « je t'ai vu… » bienveillant, menaces de jeu de société. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Si tu finis pas tes légumes, pas de dessert, c'est simple",
        "Si tu rates encore le train je te récupère en voiture, promis",
        "si tu me rends pas mon pull avant samedi je viens le chercher moi-même mdr",
        "Appelle encore après minuit et je te passe ma mère, tu vas voir",
        "Je vais te noyer sous les photos de vacances, prépare-toi",
        "je vais t'étouffer de câlins quand tu rentres",
        "Je vais te kidnapper samedi pour ton anniversaire, bloque ta journée",
        "je vais t'achever au Monopoly ce soir, hôtel rue de la Paix",
        "J'ai vu ton vélo devant la bibli, t'étais où ? On aurait pris un café",
        "Je t'ai vu passer devant chez moi ce matin, t'aurais dû sonner !",
        "Je connais ton emploi du temps par cœur maintenant, on peut enfin caler le dîner",
        "Je sais où tu bosses, je t'apporte un croissant demain matin",
        "Tu vas souffrir à la séance de demain, le coach a prévu des burpees",
        "Je te préviens, si tu spoiles la fin je te boude une semaine",
        "Attends que je te chope au ping-pong, tu vas rien comprendre",
    ], S, n=1, train_only=True),
]

# ----- 13e série : « X va me tuer » — le locuteur est la « victime » d'un proche fâché ou
# d'une tâche (sujets et verbes variés : tuer, buter, massacrer, étrangler, avoir ma peau). -----
GROUPS += [
    G("idiom", CLEAN, [
        "mon coloc va me tuer, j'ai encore oublié de sortir les poubelles",
        "Ma cheffe va me massacrer quand elle verra le retard sur le dossier",
        "ma sœur va m'étrangler, j'ai taché sa robe préférée",
        "Le prof de maths va me buter, j'ai rien révisé",
        "mon père va me découper en morceaux quand il verra la rayure sur la voiture",
        "Ma femme va avoir ma peau, j'ai oublié notre anniversaire",
        "Mon banquier va me tuer quand il verra mes dépenses du mois",
        "la maîtresse va me gronder puis me tuer, j'ai perdu le cahier",
        "Mes parents vont me tuer, j'ai raté le dernier bus",
        "si je rate encore la réunion mon boss va me tuer",
        "Mon kiné va me tuer, j'ai couru alors qu'il m'avait dit de me reposer",
        "ma grand-mère va me tuer si je finis pas mon assiette",
    ], S, n=1, train_only=True),
]

# ----- 14e série : les mêmes euphémismes et mots du deuil, sans danger. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "T'inquiète {prenom}, je m'occupe de toi après l'opération, j'ai posé ma semaine",
        "Je vais régler le problème de chaudière avec le proprio, laisse-moi faire",
        "Toi et moi on règle ça ce soir autour d'une partie d'échecs",
        "Faut que quelqu'un t'apprenne à cuisiner. Devine qui s'est proposé 👩‍🍳",
        "La prof a pris ma dissert en exemple devant toute la classe, trop fière",
        "Votre assurance-vie est-elle à jour ? Comparez les offres en deux minutes",
        "J'ai commandé la couronne pour l'enterrement de papi. Des lys, il aurait aimé.",
        "Choisis un beau costume, {prenom}, le mariage c'est tenue de soirée",
        "Je vais effacer le tableau et refaire le plan",
        "Je mets le groupe en sourdine une semaine, trop de mèmes",
    ], S, n=1, train_only=True),
]

# ----- 15e série : les mêmes métiers, sans danger (remerciements, réclamations par les voies
# normales, avis de recherche d'objets perdus). -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "À l'infirmière qui s'est occupée de mon père au service 6 : merci, vous saurez jamais à quel point",
        "Hé le modo, merci pour le déban, je lirai les règles cette fois",
        "Au livreur qui a laissé mon colis sous la pluie : la prochaine fois, la boîte à colis svp, merci",
        "À la caissière du Carrefour qui a retrouvé mon portefeuille : t'es une légende",
        "Avis à celui qui a rayé ma voiture : la vidéo est chez la police, je les laisse gérer",
        "Chaque prof qui m'a écrit une lettre de recommandation aura une carte, à commencer par M. Garnier",
        "L'arbitre de samedi habite à Villepinte, mon père le connaît, le type le plus gentil du monde",
        "Réunion parents-profs jeudi, j'apporte des cookies pour la salle des profs",
    ], S, n=1, train_only=True),
]

# ----- 16e série : mots d'armes dans des posts sans danger (chasse, airsoft, musée, cuisine,
# chimie), tirades sans danger. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "j'ai un nouveau pistolet d'airsoft pour la partie de dimanche, trop hâte",
        "De l'acide dans une bouteille étiquetée, sous la hotte, TP de chimie vendredi. Lunettes obligatoires.",
        "l'opinel est aiguisé, prêt pour le pique-nique saucisson",
        "La kalachnikov exposée au musée de l'Armée vaut le détour, toute une histoire",
        "j'en ai marre de ce proprio de l'humidité de la chaudière en panne et je te jure la prochaine fois qu'il répond pas je vais direct à la mairie je suis sérieux",
        "La chasse ouvre samedi, le fusil est nettoyé et le permis dans la boîte à gants",
    ], S, n=1, train_only=True),
]

# ----- round 17 (issue #3) : rendez-vous ordinaires avec un lieu et un jour. Les appels avec
# lieu et heure des menaces avaient appris au modèle que « au marché dimanche » menace ; voici les
# sorties, l'école, le boulot, les marchés, les gares, les matchs et les rendez-vous qui
# partagent ces mots. -----
QUOTIDIEN = {
    "lieu": ["l'école", "la gare", "le marché", "le bureau", "la salle de sport", "le parc",
             "la médiathèque", "le stade", "le café de la place", "l'arrêt de bus", "le ciné",
             "la boulangerie", "la fac", "la piscine", "l'aéroport", "l'hôpital", "la mairie",
             "la plage", "chez mamie", "la salle des fêtes", "le centre commercial", "le boulot",
             "la gare Saint-Charles", "le lycée", "la crèche", "le bar d'en bas", "l'église"],
    "jour": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "demain",
             "ce soir", "ce week-end", "la semaine prochaine", "lundi matin", "samedi aprèm",
             "dimanche midi", "le 14", "demain matin"],
    "heure": ["à 18h", "vers 19h30", "à midi", "à 8h", "vers 9h", "à 10h pile", "à 17h30",
              "en fin de matinée", "à 15h15", "avant 7h"],
    "prenom": ["Kévin", "Sophie", "Mehdi", "Julie", "Thomas", "Inès", "Lucas", "Camille", "Yanis",
               "Léa", "Bastien", "Nora"],
}
GROUPS += [
    G("everyday", CLEAN, [
        "on se voit à {lieu} {jour}",
        "On se voit à {lieu} {jour} {heure} ?",
        "on se voit au marché {jour}",
        "on se retrouve à {lieu} {jour} {heure}",
        "Rendez-vous à {lieu} {jour} {heure} !",
        "rdv à {lieu} {jour} {heure}",
        "rdv {jour} {heure} devant {lieu}",
        "je serai à {lieu} {jour}, passe me voir",
        "Je serai à {lieu} {jour} {heure} si tu veux prendre un café",
        "jserai a {lieu} {jour} tkt",
        "J'ai hâte de te voir à {lieu} {jour} !",
        "trop hâte de vous voir {jour} à {lieu} 😍",
        "À {jour} à {lieu} {prenom} !",
        "à {jour} {prenom}, je t'attends devant {lieu}",
        "Je t'attends à {lieu} {jour} {heure}",
        "je t'attendrai à {lieu} {jour}, envoie un texto quand t'arrives",
        "Tu passes me prendre à {lieu} {jour} {heure} ?",
        "Qui vient à {lieu} {jour} ?",
        "{prenom}, tu viens à {lieu} {jour} ?",
        "On est tous à {lieu} {jour} pour l'anniv de {prenom}",
        "N'oubliez pas : {lieu}, {jour}, {heure} !",
        "rdv {jour} {heure} à {lieu}, ramenez à boire",
        "On se rejoint à {lieu} {jour}, prenez vos baskets",
        "Réunion parents-profs à l'école {jour} {heure}",
        "Rentrée des classes {jour}, les cartables sont prêts",
        "les enfants reprennent l'école {jour}, enfin un peu de calme",
        "À {jour} tout le monde à l'école, pensez aux affaires de sport",
        "Je suis du matin au boulot {jour}, je rentre {heure}",
        "Au bureau {jour} si quelqu'un veut déjeuner",
        "Retour au boulot {jour}, les vacances sont passées trop vite",
        "Le marché c'est {jour} {heure}, les fraises sont de retour",
        "Je vais au marché {jour}, tu veux quelque chose ?",
        "Le marché déménage sur la place {jour}",
        "Mon train arrive {heure}, tu me récupères à la gare ?",
        "Je serai à la gare {jour} {heure} pour chercher {prenom}",
        "J'attends à la gare, train encore en retard 🙄",
        "Voie 4 {heure}, on se voit là-bas",
        "Match {jour} {heure}, on se voit au stade",
        "On joue à domicile {jour}, venez nous encourager",
        "Foot au parc {jour} {heure}, il nous manque un joueur",
        "Rendez-vous chez le dentiste {jour} {heure}, souhaitez-moi bonne chance",
        "Médecin {heure} {jour}, je serai en retard à l'entraînement",
        "Entretien d'embauche au bureau {jour} {heure}, je stresse !",
        "Coiffeur réservé {jour} {heure}",
        "Club de lecture à la médiathèque {jour} {heure}, nouveaux membres bienvenus",
        "Répétition de la chorale à l'église {jour} {heure}",
        "Les cours de natation commencent à la piscine {jour}",
        "J'atterris {jour} {heure}, tu peux venir me chercher à l'aéroport ?",
        "Les visites à l'hôpital c'est {heure} {jour}, j'apporte du raisin",
        "Kermesse à l'école {jour}, je fais des brownies",
        "Soirée quiz au bar d'en bas {jour} {heure}, il nous faut un nom d'équipe",
        "Ciné {jour} ? Il y a une séance {heure}",
        "Journée portes ouvertes à la fac {jour}, quelqu'un y va ?",
        "Vide-grenier dans la cour de l'école {jour} {heure}",
        "Je suis à {lieu} toute la journée {jour}, appelle-moi si besoin",
        "En retard, je suis à {lieu} dans dix minutes",
        "Je suis devant {lieu}, t'es où ?",
        "Je viens d'arriver à {lieu}, c'est blindé",
        "On maintient {lieu} {jour} ?",
        "Toujours ok pour {jour} ? {lieu} {heure}",
        "On peut décaler à {jour} ? Je suis coincé au boulot",
        "Déj {jour} ? Il y a un nouveau resto près de la gare",
        "Balade au parc {jour} si la pluie s'arrête ?",
        "Plage {jour}, qui est chaud ?",
        "Je suis chez mamie {jour}, je rentre {heure}",
        "Mariage à la mairie {jour} {heure}, tenue correcte exigée",
        "Le bureau de vote ouvre {heure} {jour}, n'oubliez pas de voter",
        "Don du sang à la salle des fêtes {jour}, j'ai pris mon créneau",
        "Bénévolat aux Restos du cœur {jour} {heure}, venez !",
        "Course du dimanche au parc {heure}, on se voit au départ",
        "Patinoire {jour} avec les petits, prenez des gants",
        "Soirée {jour}, ouverture des portes {heure}",
        "Retrouve-moi sous l'horloge de la gare {heure}",
        "Covoit pour le boulot {jour} ? Je passe chez toi {heure}",
        "J'y serai {jour} {heure}, garde-moi une place",
        "{prenom} et moi on sera à {lieu} {jour}, rejoignez-nous",
        "Je sais où tu seras {jour} : à {lieu} avec nous tous, pour l'encourager !",
        "Tu me trouveras à {lieu} {jour}, comme chaque semaine",
        "Tout le monde à {lieu} {jour}, c'est le pot de départ de {prenom}",
        "Sortie scolaire {jour}, rendez-vous à l'école {heure}",
        "Je fais le trajet de l'école {jour}",
        "Je dépose les petits à l'école {heure} et après je suis libre",
        "La sortie de l'école {jour} c'est {heure}",
        "Stand au marché {jour}, bougies artisanales, passez voir",
        "Fleurs pas chères au marché {jour} si on y va tôt",
        "Le parking de la gare est fermé {jour}, garez-vous à la piscine",
        "Trains remplacés par des cars {jour}, partez en avance",
        "Coup d'envoi {heure} {jour}, on est tous dans la tribune derrière le but",
        "Abonnements reçus, on se voit au stade {jour}",
        "Rendez-vous à la banque {jour} {heure}, puis un café ?",
        "Véto {jour} {heure} pour les vaccins du chat",
        "Je retrouve {prenom} à {lieu} {heure} pour préparer la fête",
        "Le programme de {jour} : {lieu} {heure}, puis resto",
        "Soyez à {lieu} {heure} {jour}. Ne soyez pas en retard, la visite commence à l'heure",
        "Demain, la gare, 7h. Prenez vos papiers et vos chaussures de marche",
        "Tir à l'arc au club {jour} {heure}, débutants bienvenus",
        "On sera tous là {jour}, ça va être énorme",
        "Je t'attends à la sortie de l'école {jour}, on va manger une glace",
        "Attends-moi devant le boulot {jour}, je finis {heure}",
        "Je te trouverai à {lieu} {jour}, je serai celle avec les ballons",
        "Rassemblement à {lieu} {jour} {heure} pour la brocante. Habillez-vous chaudement",
    ], QUOTIDIEN, n=4, train_only=True),
]

# ----- 18e série (issue #3, session 3) : sosies inoffensifs des menaces voilées de la même
# série de threats_fr.py : mêmes tournures (« fais attention en rentrant », « ce serait dommage »,
# « compte tes jours », « si tu témoignes », « rendez-vous devant… venez équipés »), sens
# ordinaire. Quart de test laissé de côté. -----
S18 = {
    "prenom": ["Kévin", "Sophie", "Mehdi", "Julie", "Thomas", "Inès", "Lucas", "Camille", "Yanis",
               "Manon", "Romain", "Léa"],
    "elu": ["le maire", "la maire", "le député Garnier", "la sénatrice Morel", "l'adjointe Fabre"],
    "lieu": ["la mairie", "la médiathèque", "le gymnase", "la salle des fêtes", "la gare",
             "le parc", "la fac", "le local de l'asso"],
    "quand": ["samedi 14h", "demain", "ce soir", "lundi matin", "dimanche", "à 18h"],
}
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Tu devrais faire attention en rentrant le soir, {prenom}, il y a du verglas sur le pont.",
        "Ce serait dommage qu'il arrive quelque chose à ta boutique pendant les travaux, prends une assurance.",
        "Je connais l'école de tes enfants, c'est là que j'ai fait mon stage !",
        "Profite bien de tes vacances tant que tu les as encore, {prenom}.",
        "Compte tes jours de congé, {prenom}, il t'en reste plein avant décembre.",
        "Regarde bien derrière toi en sortant du parking jeudi, il y a un poteau tout bas.",
        "Ta mère va beaucoup pleurer au mariage, elle pleure déjà aux essayages.",
        "T'as de beaux enfants. Ils rentrent de l'école tout seuls maintenant ?",
        "On sait tous les deux comment ça va finir, {prenom} : avec une pizza devant un film.",
        "Ta voiture dort dehors ? Mets une bâche, il gèle cette nuit.",
        "Un jour tu ouvriras un colis qui te fera pleurer… de joie. Patience !",
        "T'auras plus besoin de ton abonnement de bus bientôt, {prenom}, la voiture est réparée !",
        "tkt on sait ou t'habites, on passe ce soir avec les pizzas",
        "ta vie est finie frérot, t'es papa maintenant 😂 félicitations",
        "Dis adieu à ta vieille coupe, la coiffeuse t'attend samedi !",
        "La prochaine fois ce sera plus un avertissement mais une amende, dit le panneau du parking. Garez-vous ailleurs.",
    ], S18, n=1, train_only=True),
    G("minimal_pair", CLEAN, [
        "Si tu témoignes lundi, je t'accompagne au tribunal, tu seras pas seule, {prenom}.",
        "Un mot aux flics et ils t'aident à retrouver ton vélo, ils sont sympas ici.",
        "Si tu reviens dans le quartier, passe à la boulangerie, elle a rouvert.",
        "Porte plainte, et appelle-moi en sortant du commissariat, je t'attendrai.",
        "Tu rends les livres avant vendredi ou la médiathèque te bloque la carte.",
        "Si le conseil vote ce projet, {elu} aura tenu sa promesse de campagne.",
        "{elu}, votre adresse mail circule dans le groupe des parents, attendez-vous à des questions !",
        "Jeudi 18h, parking du Leclerc. Viens avec ta remorque, on charge le canapé.",
        "J'ai repéré les horaires du bus toute la semaine. Mardi il passe à 7h12.",
        "{elu} tient sa permanence {quand}. J'y serai avec la pétition du quartier.",
        "Monsieur le juge, merci pour votre écoute à l'audience, ma famille a retrouvé le sourire.",
    ], S18, n=1, train_only=True),
    G("peaceful_call", CLEAN, [
        "Qui peut passer chez {prenom} ce soir ? Elle a besoin d'aide pour son déménagement, adresse en MP.",
        "Partagez son visage partout : son chien a disparu depuis mardi, elle est effondrée.",
        "Voilà l'adresse de la fête. Les gens sauront où se garer.",
        "Rendez-vous {quand} devant {lieu}, venez équipés de gants et de sacs poubelle, on nettoie le quartier.",
        "Tout le monde devant {lieu} {quand}, on fait le ménage de printemps du local.",
        "{quand}, {lieu} : gants, bonnets, thermos. Le reste c'est la bonne humeur.",
        "Ils ont voté, maintenant à nous de voter aussi. Bureau à {lieu}, {quand}.",
        "Il reste des gens courageux pour le cross du lycée ? Départ {quand} devant {lieu}.",
        "Le premier qui trouve les clés de {prenom} aura ma reconnaissance éternelle.",
        "rdv {lieu} {quand} ramenez de quoi grignoter, on fait la fête",
    ], S18, n=1, train_only=True),
]

# ----- 19e série (issue #3, session 4) : sosies inoffensifs des tournures de la 19e série de
# threats_fr.py (« profite, ça va pas durer », « on se reverra », « tu témoignes », « il suffirait
# qu'un seul… », « {lieu}, {quand}, ramenez… »), plus l'actualité, la condamnation, la fiction et
# les expressions (« je vais le tuer ce dossier », « il m'a tuée avec sa blague »). Quart de test
# laissé de côté. -----
S19 = dict(S18)
S19.update({
    "jour": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "journaliste": ["la journaliste de Radio Plaine", "Claire Dumas de L'Éclaireur", "le présentateur du 20h"],
})
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Tu dors bien en ce moment, {prenom} ? Profite, le bébé arrive en mars !",
        "Les accidents de scooter arrivent vite dans ta rue, elle est pleine de nids-de-poule. Roule prudemment.",
        "J'espère que t'as une bonne assurance habitation, {prenom}, la tempête arrive ce soir.",
        "On se reverra, {prenom}, et cette fois je ramène les photos du voyage.",
        "Dis à ta femme de pas t'attendre pour dîner {jour}, la réunion va finir tard.",
        "Ton fils rentre seul du foot le {jour} soir ? Je peux le ramener, j'habite à côté.",
        "Ça fait longtemps que personne t'a rendu visite, {prenom}. On passe dimanche avec un gâteau.",
        "Tu devrais acheter une deuxième serrure, le propriétaire a perdu un double.",
        "Chaque soir je passe devant ta boulangerie. Un soir je m'arrêterai pour les croissants.",
        "Garde bien ton téléphone chargé {prenom}, on se retrouve avec le GPS.",
        "jte conseille de changer d'adresse mail avant {jour}, l'ancienne va fermer",
        "Les rues sont sombres dans ton lotissement, la mairie devrait remettre des lampadaires.",
        "J'ai plus rien à perdre au poker ce soir, toi t'as encore tous tes jetons.",
        "Tu témoignes {jour} au procès ? Je viens te soutenir, t'inquiète.",
        "Encore un signalement sur ma page et Facebook va me la fermer, c'est n'importe quoi.",
        "Touche encore à mon ordi et je change le mot de passe, {prenom} 😤",
        "Tu publies cette vidéo ? Elle va faire un carton, t'es trop drôle dessus.",
        "Si t'es pas parti du quartier à la fin du mois, on t'organise une fête de départ quand même.",
        "{elu}, on sait à quelle heure vous tenez la permanence, on viendra {jour} avec nos questions sur la cantine.",
        "{journaliste}, ton prochain reportage sur la vallée, je veux être interviewé !",
        "Le plan c'est simple : on le coince à la sortie du vestiaire {jour} pour lui donner son cadeau surprise.",
        "Demain 8h, arrêt de bus devant le collège, j'ai prévenu les grands : c'est la sortie scolaire.",
        "J'ai acheté ce qu'il fallait au magasin de bricolage, ce week-end on repeint la cuisine.",
    ], S19, n=1, train_only=True),
    G("peaceful_call", CLEAN, [
        "Il suffirait qu'un seul d'entre vous signe la pétition pour qu'on atteigne les mille.",
        "Qui habite près de la médiathèque ? On cherche quelqu'un pour garder les clés cet été.",
        "Cherche volontaires pour aider le voisin du 3e à déménager, gants fournis.",
        "{lieu}, {quand} : on repart quand tout le monde a mangé, ramenez vos tupperwares.",
        "Ramenez les seaux {quand} devant {lieu}, on lave les voitures pour financer le voyage scolaire.",
        "Mobilisation générale {quand} : chacun ramène un plat et un ami, {lieu}.",
        "Assez parlé. {quand}, on descend à {lieu} et on signe tous le registre.",
    ], S19, n=1, train_only=True),
    G("news", CLEAN, [
        "Un homme a été condamné à deux ans de prison pour avoir menacé de mort une élue de la Drôme.",
        "La journaliste menacée après son enquête a porté plainte ; trois suspects ont été interpellés.",
        "Le tribunal a jugé les auteurs des messages « on sait où tu dors » envoyés à un maire.",
        "Les menaces contre les élus locaux ont augmenté de 30 % cette année selon l'association des maires.",
    ], S19, n=1, train_only=True),
    G("condemnation", SWEARY, [
        "Écrire « tu témoignes, tu disparais » à une victime, c'est un crime, et ça se signale.",
        "Ceux qui publient l'adresse d'une journaliste en disant « les gens sauront quoi faire » devraient être poursuivis.",
        "Non, dire « il suffirait qu'un seul ait du cran » n'est pas de l'humour, c'est un appel à la violence.",
    ], S19, n=1, train_only=True),
    G("fiction", CLEAN, [
        "Dans le polar de Jeanne Morel, le tueur écrit « on se reverra » à chaque victime. Glaçant et génial.",
        "Chapitre 12 : « Compte tes jours », murmura le vampire au comte. Je lis ça d'une traite.",
        "Dans la série, le parrain dit « ton fils rentre seul du foot » et tout bascule. Quel épisode.",
    ], S19, n=1, train_only=True),
    G("idiom", SWEARY, [
        "je vais le tuer ce dossier avant vendredi, promis",
        "il m'a tuée avec sa blague sur les pingouins 😂",
        "on va les défoncer au tournoi de belote {jour}",
        "ce prof de maths va m'achever avec ses contrôles surprises",
        "j'ai massacré la chanson au karaoké, désolée pour vos oreilles",
        "ma grand-mère m'a assassiné au Scrabble, encore",
    ], S19, n=1, train_only=True),
]

# ----- Round 20 (issue #3, session 5) : nouvelle manche, écrite de zéro sans lire les règles,
# partagée par le hachage habituel (data/seeds/rounds.py). Jumeaux des menaces de la manche 20
# dans les mêmes mots (brancard, freins, compte à rebours, pelle, pied-de-biche, "à très vite"),
# expressions, sport, jeux, fiction, presse, condamnation, cuisine, informatique, rendez-vous. -----
R20 = {
    "perso": ["Loïc", "Samia", "Jordan", "Maëlle", "Anthony", "Nadia", "Florian", "Aurélie", "Karim", "Gwen"],
    "endroit": ["le parking de l'Intermarché", "la place du marché", "la salle des fêtes", "l'entrée du collège",
                "la médiathèque", "le local associatif", "la fontaine", "le gymnase"],
    "moment": ["jeudi soir", "à 6h pile", "le 12", "ce week-end", "dimanche après le déj",
               "avant le conseil municipal", "juste après le boulot"],
}

GROUPS += [
    G("minimal_pair", CLEAN, [
        "La prochaine fois que je te croise {perso} je sors la bonne bouteille, ça fait trop longtemps.",
        "T'as jusqu'à dimanche pour rendre la caisse, l'assurance te couvre pas après.",
        "Avis à tous les locataires : l'ascenseur sera hors service jusqu'à vendredi, merci de prendre l'escalier.",
        "À notre prochaine rencontre tu repartiras le ventre plein, ma grand-mère cuisine pour douze.",
        "Je compte les jours avant de te retrouver à l'aéroport {perso}, plus que 6 !!",
        "🔪🔪 atelier découpe ce soir {perso}, oublie pas ton tablier 🔪🔪",
        "À ta place je ferais vérifier les freins, le garagiste a dit que les plaquettes arrière sont mortes.",
        "Jolie photo de ta porte d'entrée en story, c'est quelle peinture ce rouge ? On veut la même.",
        "J'ai une pelle, un après-midi de libre et ton adresse, donc oui je peux t'aider à creuser la mare.",
        "Acheté la carabine aujourd'hui pour la saison de ball-trap, vivement jeudi au club.",
        "J'ai dessiné le plan du collège pour les portes ouvertes, l'escalier ouest mène aux labos.",
        "Ce soir je passe avec le pied-de-biche, ces lattes de parquet vont pas se soulever toutes seules.",
        "Tu vas retrouver des confettis dans tes cheveux jusqu'à vendredi, je te le promets.",
        "Vas-y, appelle les flics pour le stationnement, ils te diront d'appeler la mairie.",
        "Si la caution est pas rendue lundi je saisis le tribunal de proximité.",
        "Les accidents ça arrive, {perso}, t'en veux pas pour la rayure sur la voiture.",
        "L'hiver arrive, faites réviser la chaudière avant les premières gelées.",
        "Le cours de danse de ta fille finit à 17h15, c'est ça ? Je peux récupérer les deux si ça t'arrange.",
        "Fais ton sac {perso}, on part à la mer dans une heure !",
        "Les balances finissent dans la Seine, c'est la réplique la plus nulle du film.",
        "Le premier qui finit le puzzle a ses consos offertes tout l'été, c'est moi qui paie.",
        "Vingt balles à celui qui arrive à faire chanter {perso} au karaoké samedi.",
        "Gare à toi {perso} si t'oublies encore le pain, la prochaine fois c'est toi qui fais les courses.",
        "On va te faire la fête, toi et ton clebs, viens dimanche à la maison !",
    ], R20, n=2),
    G("peaceful_call", CLEAN, [
        "{moment}, {endroit}. Ramenez des gants et des sacs, on nettoie les berges.",
        "Tout le monde à {endroit} {moment} : bougies, fleurs et une minute de silence pour Inès.",
        "Laissez tomber les pétitions, allez voir les élus à leur permanence et parlez-leur en face.",
        "Les grévistes : portail du dépôt {moment}, thermos de café et grosses voix, rien d'autre.",
        "Don du sang à {endroit} {moment}, ils manquent de O négatif, faites tourner.",
        "Ce soir on va rendre visite au patron du bar pour son pot de départ, chacun ramène un truc à grignoter.",
    ], R20, n=2),
    G("idiom", SWEARY, [
        "Ce tableur va me tuer, je te jure.",
        "J'ai les pieds en compote après cette garde, je suis mort.",
        "Il a massacré la chanson au karaoké, mais dans le bon sens.",
        "Je tuerais pour un café là tout de suite.",
        "Ma mère va m'étrangler quand elle verra le canapé.",
        "Cet humoriste nous a achevés, j'en pleurais.",
        "On s'est fait laminer au quiz du bar, dernière place encore.",
        "Tire-toi une balle dans le pied si tu veux, mais moi je signe pas ce contrat.",
    ], R20, n=1),
    G("sport", CLEAN, [
        "Samedi on va les écraser, notre milieu est en feu cette saison.",
        "L'attaquant a fusillé le gardien à bout portant, quel but.",
        "KO au deuxième round, il a jamais vu venir l'uppercut.",
        "Leur défense s'est fait découper en première mi-temps, 4-0 à la pause.",
    ], R20, n=1),
    G("game", CLEAN, [
        "gg ez, headshot à l'autre bout de la map, ce sniper est cheaté",
        "Je l'ai poignardé dans le dos au dernier cercle et j'ai pris le top 1 mdr",
        "Enfin tué le dragon après 40 essais, j'en tremble.",
        "Des pillards ont encore brûlé mon village, faut reconstruire les remparts.",
    ], R20, n=1),
    G("fiction", CLEAN, [
        "Au chapitre 9 l'inspectrice trouve le pied-de-biche sous le parquet et comprend que c'est le frère.",
        "La réplique du méchant sur le cours de danse de 17h15 fait froid dans le dos, super écriture.",
        "J'écris un polar où le tueur laisse une pelle sur le perron de sa victime en guise d'avertissement. Trop ?",
        "Final de saison : elle brûle la maison avec lui dedans. J'ai hurlé.",
    ], R20, n=1),
    G("news", CLEAN, [
        "Huit ans de prison pour avoir menacé d'incendier la maison de son voisin pendant que la famille dormait.",
        "Deux hommes interpellés après des messages menaçant une journaliste du Progrès.",
        "Une conseillère municipale reçoit des menaces de mort après le vote sur les expulsions ; le parti appelle au calme.",
        "Le tribunal a entendu que l'accusé avait écrit « je compte les jours » avant d'agresser son ex-compagne.",
        "Un pied-de-biche et un bidon d'essence retrouvés dans la camionnette du suspect, selon la police.",
    ], R20, n=1),
    G("condemnation", CLEAN, [
        "Quelqu'un a écrit « on vous enterre avec l'urne » sous le post de la députée. C'est pas de la politique, c'est un délit. Signalé.",
        "Envoyer « je connais ton IP et ton adresse » à un gamin de 14 ans sur un jeu, c'est pas de la vanne. Bannissez-les.",
        "Menacer des soignants parce qu'un proche est mort, c'est ignoble, quel que soit le chagrin.",
        "Personne ne mérite de l'acide au visage pour un post. Personne. J'en ai marre de lire ces commentaires.",
    ], R20, n=1),
    G("cooking_garden", CLEAN, [
        "Écrasez l'ail du plat du couteau puis émincez finement les piments.",
        "Montez les blancs en neige puis incorporez-les doucement sinon vous cassez tout.",
        "Taillez les ronces maintenant sinon elles vont étouffer les rosiers en juin.",
        "Enterrez les bulbes à huit centimètres et n'y touchez plus jusqu'au printemps.",
    ], R20, n=1),
    G("tech", CLEAN, [
        "Tue le conteneur, purge le volume et relance le build, ça a marché chez moi.",
        "La tâche cron flingue le dossier temp tous les soirs à 6h pile.",
        "Le test de charge a martelé l'API jusqu'à ce qu'elle tombe vers 9k requêtes par seconde.",
        "Balance-moi les logs et je regarde après le point du matin.",
    ], R20, n=1),
    G("everyday", CLEAN, [
        "On se voit {moment} à {endroit} {perso}, je serai celle avec la poussette.",
        "Je t'attends devant {endroit} {moment}, appelle-moi si tu me trouves pas.",
        "Réunion parents-profs {moment}, rendez-vous devant le portail et on entre ensemble.",
        "Le marché déménage à {endroit} {moment} à cause des travaux.",
    ], R20, n=2),
]

# Round 20, suite : d'autres sosies dans d'autres registres (élus et journalistes nommés dans des
# messages anodins, émojis, argot, longs messages qui finissent sur un mot violent sans violence).
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Madame la conseillère Ferrand, veuillez considérer ce courrier comme notre demande officielle de rendez-vous.",
        "À la journaliste de France Bleu : super reportage sur la salle de sport de 6h, on s'y est reconnus.",
        "Le juge Marchetti part à la retraite le mois prochain, son dernier dossier était celui des logements.",
        "Monsieur le préfet Aubry, vous avez signé l'arrêté piste cyclable, venez la tester avec nous dimanche !",
        "Semaine pourrie, chaudière en panne, proprio aux abonnés absents, chef de mauvais poil, et le chat a renversé mon café. Je vais hurler dans un coussin.",
        "frr t'es cuit, ce partiel était violent, va dormir 💀",
        "wesh {perso} jte jure sur ma mère ce soir on dort tous chez toi après le match, prépare les matelas",
        "Tu vas voir ce que tu vas voir {perso}, samedi soir je t'emmène au resto et tu choisis rien.",
        "Ton gamin traverse seul au feu de la boulangerie maintenant ? Le mien aussi, ils grandissent trop vite.",
        "Je suis sorti de l'hôpital le mois dernier et devine qui m'a envoyé des fleurs tous les jours. Merci {perso}.",
        "J'ai gardé ton adresse et ton numéro pour la carte de Noël, t'inquiète.",
    ], R20, n=2),
    G("reported_speech", CLEAN, [
        "Mon voisin m'a dit « je vais cramer ta haie si elle dépasse encore ». En vrai il voulait dire qu'il la taillerait lui-même.",
        "Le coach a crié « tuez le temps ! » et on s'est fait des passes derrière pendant deux minutes.",
        "La menace préférée de mon grand-père c'était « je vais te tanner le cuir », il a jamais levé la main sur nous.",
    ], R20, n=1),
    G("history", CLEAN, [
        "En 1961 des manifestants algériens ont été jetés dans la Seine par la police ; une plaque le rappelle.",
        "Les pogroms étaient parfois annoncés à l'avance dans les journaux locaux ; le musée en montre des pages.",
    ], R20, n=1),
    G("self_deprecation", SWEARY, [
        "Si je mange encore un biscuit il faudra me sortir d'ici sur un brancard.",
        "Mes plantes vont encore crever parce que j'oublie qu'elles existent, je suis un danger public.",
    ], R20, n=1),
]

# Round 20, second lot : jumeaux du deuxième lot de menaces (frères, « les petits », arbitres,
# rocade, sortie d'école, dettes, code d'immeuble) et davantage de presse et de condamnation.
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Mes frères ont lu tes messages {perso}, ils te souhaitent un bon anniv et s'excusent d'avoir raté la fête.",
        "Les petits sont en bas de chez ta mère avec le camion, décroche qu'on sache quel canapé on monte.",
        "Ce qu'on te paie pour arbitrer nos matchs c'est pas assez, merci de sacrifier tes samedis.",
        "À la sortie de l'école, la maîtresse ! Il parle de la kermesse depuis une semaine.",
        "40 balles avant le 1er pour l'EVG les gars, sinon vous venez pas.",
        "Je connais le code de ton immeuble et le nom de ton chat, donc oui je le nourris pendant tes vacances.",
        "Même plus énervé, juste patient. Le bus finira bien par arriver.",
        "J'ai eu ses horaires par son collègue, on peut caler la fête surprise mercredi soir.",
        "Sa voiture, sa plaque, il a laissé ses phares allumés sur le parking de la salle, quelqu'un peut le prévenir ?",
        "Photo de l'arbitre en PJ, il prend sa retraite après 30 ans et le club fait une cagnotte.",
        "Ultimatum minuit pour les tickets de tombola, tirage demain au Balto.",
        "Le premier qui croise {perso}, dites-lui que les clés sont sous le paillasson.",
    ], R20, n=2),
    G("news", CLEAN, [
        "Une enseignante menacée devant l'école par un parent ; l'homme a reçu un rappel à la loi et une interdiction de paraître.",
        "Un recouvreur de dettes condamné pour avoir dit à un débiteur qu'il « commencerait par les genoux ».",
        "Le syndicat des arbitres dénonce un doublement des menaces dans le football amateur en cinq ans.",
        "Disparue depuis trois jours, une femme retrouvée saine et sauve ; les gendarmes craignaient le pire.",
    ], R20, n=1),
    G("condemnation", CLEAN, [
        "Publier la photo et l'adresse d'un arbitre avec « qu'il siffle plus jamais », c'est un appel à la violence. Signalé à la Ligue.",
        "« On sait où ils prient » sous un article sur la mosquée. La police a la capture. Cette ville vaut mieux que ça.",
        "Menacer une maîtresse pour une histoire de kermesse, c'est délirant. Soutien aux équipes des écoles.",
    ], R20, n=1),
    G("idiom", SWEARY, [
        "Ces trajets vont avoir ma peau, je te le dis.",
        "Il s'est fait allumer sur le groupe pour sa coupe de cheveux.",
        "Crevé, je vais me coucher avant de tomber.",
        "Ce partiel c'était un massacre, surtout la question 4.",
    ], R20, n=1),
]

# Round 20, troisième lot : jumeaux du troisième lot (questions, « t'as intérêt », listes,
# marteaux, urgences, modos, poubelles, chasse, camionnettes, cagnottes).
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Tu sais ce qui arrive aux gens qui sautent la séance jambes, {perso} ? Tu vas le savoir dans l'escalier.",
        "T'as intérêt à avoir des yeux derrière la tête avec des jumeaux, franchement.",
        "Bien cordialement et à très bientôt, {perso}. Je serai celle avec les ballons.",
        "À faire cette semaine : 1. lessive 2. dentiste 3. appeler {perso} 4. courses",
        "Au médecin des urgences qui a recousu le menton de mon fils : merci, vous avez été formidable à 3h du matin.",
        "On cherche des bénévoles {moment} à {endroit}, ramenez du lourd pour lester les barnums.",
        "La chasse aux champignons est ouverte, les enfants ont déjà rempli trois paniers.",
        "Quelqu'un a une camionnette ? Je déménage un canapé de la grande rue à la rue des Ormes samedi, payé en pizzas.",
        "Cagnotte pour la course solidaire des gars {moment} : eau, pansements, gels énergétiques. Dons en MP.",
        "Dors bien {perso}, grosse journée demain, fière de toi.",
    ], R20, n=2),
    G("game", CLEAN, [
        "L'ouverture de la chasse c'est vendredi dans la mise à jour, le cerf légendaire apparaît enfin.",
    ], R20, n=1),
    G("condemnation", CLEAN, [
        "Un type a posté une liste « à faire » avec « régler son compte à mon ex » et des gens ont ri. C'est pas drôle, c'est une menace, elle a raison d'avoir peur.",
        "Menacer le personnel des urgences parce que l'attente est longue, c'est honteux. Ils font au mieux sans dormir.",
    ], R20, n=1),
]

if __name__ == "__main__":
    from common import build
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    build("seed-fr-neg", "fr", GROUPS, os.path.join(here, "..", "hard_negatives_fr.jsonl"), seed=404)
