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
    "nom": ["Lévy", "Cohen", "Rothschild", "Attali", "Bensoussan", "Goldman"],
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
        "Suivez l'argent, vous tomberez toujours sur eux 🤑", "Hitler avait raison sur eux", "dommage que les fours aient refroidi",
        "ils auraient dû finir le boulot en 45", "Les juifs organisent le grand remplacement", "le journal d'Anne Frank c'est un faux",
        "Ces youpins nous ont ruinés encore une fois", "Les juifs sont une race de parasites qui vit sur le dos des nations",
        "c'est toujours les juifs, à chaque fois", "Soros et ses copains financent toutes les émeutes",
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
        "Ces migrants puent et ramènent des maladies", "Les réfugiés ? des cafards, il faut les désinfecter",
        "Les Afghans violent nos femmes, tous", "Migrants = délinquants, point",
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

if __name__ == "__main__":
    from common import build
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    build("seed-fr-hate", "fr", GROUPS, os.path.join(here, "..", "hate_fr.jsonl"), seed=606)
