"""Menaces de violence et incitation en français, écrites par l'équipe vigie (synthétiques).

violence_threat = le locuteur (ou son camp) menace de violence.
incitement = le texte appelle d'autres à commettre des violences ("il faudrait que
quelqu'un...", "mort aux X", "rdv samedi, on les crame").
Les noms sont inventés.
"""

from common import Group as G, labels

DIRECT = labels(hate=0, vt=1, inc=0, har=1, tox=1)
PLAN = labels(hate=0, vt=1, inc=0, har=None, tox=1)
JOINT = labels(hate=0, vt=1, inc=1, har=None, tox=1)
CALL = labels(hate=0, vt=0, inc=1, har=None, tox=1)
CALL_IND = labels(hate=0, vt=0, inc=1, har=1, tox=1)
GROUP_T = labels(hate=1, vt=1, inc=0, har=None, tox=1)
GROUP_C = labels(hate=1, vt=0, inc=1, har=None, tox=1)
GROUP_TC = labels(hate=1, vt=1, inc=1, har=None, tox=1)
WISH = labels(hate=0, vt=0, inc=0, har=1, tox=1)

S = {
    "prenom": ["Kévin", "Sophie", "Mehdi", "Julie", "Thomas", "Inès", "Lucas", "Camille", "Yanis",
               "Manon", "Romain", "Léa", "Nathan", "Chloé", "Bastien", "Sarah", "Dylan", "Océane"],
    "elu": ["le maire", "la maire de Villeneuve", "le député Garnier", "la sénatrice Morel",
            "le préfet", "le juge Lambert", "la juge Perrin", "le ministre", "Monsieur le Maire",
            "le président du conseil départemental", "l'adjoint Fabre", "le procureur"],
    "elu_nom": ["Garnier", "Morel", "Lambert", "Perrin", "Fabre", "Delcourt", "Vasseur", "Rocher"],
    "journaliste": ["la journaliste de Radio Plaine", "ce journaleux du Courrier de l'Ouest",
                    "le pigiste qui a écrit l'article", "Claire Dumas de L'Éclaireur",
                    "le présentateur du 20h", "cette journaliste de ce site d'investigation"],
    "candidat": ["Vasseur", "la candidate Rocher", "ce guignol de Delcourt", "le candidat écolo",
                 "Hélène Marchal"],
    "lieu": ["la mairie", "la préfecture", "le tribunal", "la mosquée", "la synagogue de la rue Victor-Hugo",
             "le lycée", "le centre commercial", "la fac", "le bureau", "la gare", "le rond-point",
             "la permanence du député", "la marche des fiertés", "le foyer de migrants", "le camp de Roms"],
    "quand": ["samedi 14h", "demain", "ce soir", "lundi matin", "vendredi soir", "dimanche",
              "après le match", "à 18h", "la semaine prochaine", "le 14 juillet"],
    "arme": ["des barres de fer", "de l'essence", "les fusils", "des cocktails molotov", "des couteaux",
             "des battes", "la corde", "des bidons d'essence"],
    "groupe": ["les arabes", "les juifs", "les noirs", "les migrants", "les pédés", "les bougnoules",
               "les roms", "les musulmans", "les gitans", "les feujs", "les renois", "les clandestins"],
    "groupe_de": ["d'arabes", "de juifs", "de noirs", "de migrants", "de pédés", "de musulmans",
                  "de roms", "de clandestins"],
    "aux": ["aux juifs", "aux arabes", "aux pédés", "aux migrants", "aux musulmans", "aux noirs",
            "aux roms", "aux bougnoules"],
}

GROUPS = [
    G("direct_threat", DIRECT, [
        ("Je vais te tuer.", "JE VAIS TE TUER PUTAIN"), "je vais te tuer sale merde", "jvais te buter", "je vais te crever {prenom}",
        "Je te jure sur ma mère que je vais te tuer", "Je vais te retrouver et je vais te tuer",
        "Je vais t'égorger pendant que tu dors", "je vais te planter la prochaine fois que je te vois",
        "je sais où t'habites {prenom}, je viens avec mon couteau",
        "Continue de parler et je te mets une balle dans la tête",
        "Je vais te défoncer la tête à coups de marteau jusqu'à ce que tu bouges plus",
        "je vais brûler ta maison avec toi et tes gosses dedans",
        "Je vais t'écraser avec ma voiture à la première occasion",
        "j'ai un flingue et ton adresse. à bientôt",
        "Je vais t'étrangler de mes propres mains",
        "Je vais te saigner comme un porc", "je vais te fumer toi et ta famille",
        "Je te jure que je vais te faire la peau {prenom}",
        "Je vais venir à ton taf demain et je vais t'allumer",
        "Je vais te noyer dans le canal comme un rat",
        "jte bute à la sortie du bahut demain", "j'vais t'ouvrir en deux",
        "Je vais te faire sauter la cervelle", "je vais te découper en morceaux",
        "Je te tue. Je te tue. Tu m'entends ???",
        "C'est pas une blague je vais vraiment te tuer cette fois",
        "Profite bien de ton dernier week-end vivant {prenom}",
        "je vais te mettre six pieds sous terre sale rat",
        "Je vais te crever les yeux et ensuite je te tue",
        "t'as bloqué ? ok. je passe chez toi ce soir avec la lame",
        "Ce soir je t'attends sur le parking, prévois ton cercueil",
        "je vais te mettre une balle entre les deux yeux",
        "je vais mettre le feu à ta bagnole avec toi dedans",
        "un mot de plus et je te plante {prenom}, je te jure",
    ], S, n=2),
    G("direct_threat", DIRECT, [
        ("t'es mort.", "t es mort t es mort t es mort", "Mort. T'es mort."), "T'es un homme mort.", "t mort frr", "t'es mort {prenom}", "Tu es mort, je te préviens",
        "Tu passeras pas Noël", "Tes jours sont comptés, {prenom}.", "Tu vas crever en hurlant",
        "surveille tes arrières, tu le verras pas venir",
        "Dors avec un œil ouvert, je sais où tu habites",
        "Ta famille va bientôt choisir ton cercueil",
        "On va te retrouver dans un fossé, crois-moi",
        "Ta fille va à l'école toute seule hein ? ce serait dommage",
        "Tu vas finir dans un sac mortuaire {prenom}", "Tu vas prendre une balle, c'est pas une question de si",
        "Jolie maison rue des Lilas. Dommage si elle brûlait avec toi dedans",
        "commence à dire adieu à tes proches {prenom}",
    ], S, n=2),
    G("conditional_threat", DIRECT, [
        "Si tu reviens à la soirée je te tue", "si tu reparles à ma meuf jte plante",
        "Si tu témoignes {quand} tu rentreras pas chez toi",
        "Appelle les flics et je te bute toi et toute ta famille",
        "Si je te revois dans ma rue tu prends une balle",
        "Publie cette vidéo et t'es mort, {prenom}",
        "si tu me rembourses pas avant {quand} je te casse les jambes et après je te tue",
        "Encore une plainte aux RH et je t'égorge",
        "Si tu me quittes je te tue et après je me tue",
        "Touche encore à ma voiture et je t'enterre",
        "Vire-moi et je reviens avec un fusil, {prenom}. Je suis sérieux",
        "Si le verdict tombe mal, {elu} prend une balle",
        "si ils ferment l'usine je reviens et je flingue tous les chefs",
        "Votez cette loi et je vous tue, {elu}",
        "Continue d'écrire sur ma famille et tu finis à l'hôpital, ou pire",
        "Si mon fils se fait encore coller je viens avec mon fusil",
        "Largue-moi et je te balance de l'acide à la figure",
        "Tu dis un mot à quelqu'un et je t'égorge",
        "si tu retires pas ta plainte d'ici {quand} tu vas disparaître",
        "si tu t'approches encore de ma sœur je te tue",
        "tu remets les pieds ici et c'est la dernière fois que tu marches",
    ], S, n=2),
    G("plan", PLAN, [
        "On va tirer dans le tas à {lieu} {quand}.", "Je vais faire un carnage à {lieu} {quand}, vous êtes prévenus",
        "demain je ramène le fusil de mon père à {lieu}. tout le monde y passe",
        "J'ai un plan pour {lieu}. {quand}. Personne ne sortira",
        "on va faire sauter {lieu} {quand}",
        "Je vais tuer {prenom} après les cours, j'ai déjà le couteau",
        "je vais buter mon patron {quand}, cette fois c'est sérieux",
        "Avec les gars on va choper {prenom} et le piétiner jusqu'à ce qu'il bouge plus",
        "je vais cramer {lieu} {quand} avec eux dedans",
        "{elu} finira pas son mandat. J'y veillerai personnellement",
        "je vais tuer mon ex et son nouveau mec ce week-end",
        "je compte foncer en voiture dans la foule à {lieu}",
        "Ce soir je termine ce que j'ai commencé. {prenom} va mourir.",
        "Après les fêtes je vais descendre tous mes collègues un par un",
        "Je vais saigner {journaliste} quand il sortira du studio",
        "Ça fait une semaine que je surveille la maison de {prenom}. Samedi ça se termine.",
        "la bombe est prête. {lieu}, {quand}.",
        "je vais à {lieu} {quand} avec un chargeur plein. priez pour eux",
        "On va choper {candidat} au meeting et on va le pendre",
        "Le prochain flic qui m'arrête je le plante",
    ], S, n=2),
    G("someone_should", CALL_IND, [
        "Il faudrait que quelqu'un tue {prenom}.", "quelqu'un doit buter {elu}",
        "Il faudrait que quelqu'un se dévoue pour flinguer {elu}",
        "qqn devrait écraser {prenom} en voiture franchement",
        "Quelqu'un devrait aller chez {journaliste} et finir le travail",
        "Personne pour mettre une balle à {candidat} ?",
        "Franchement faut que quelqu'un s'occupe de {elu}, définitivement. Je dis ça je dis rien",
        "J'aimerais que quelqu'un tabasse {prenom} à mort, il le mérite",
        "Qui aura le courage de descendre {elu} ?",
        "Il faudrait qu'un patriote règle le problème {elu_nom} avec un fusil",
        "500 balles à celui qui crève {prenom}. Offre sérieuse, mp",
        "Y'a pas un sniper dispo ? {candidat} est sur scène {quand}",
        "Quelqu'un devrait foutre le feu chez {journaliste} pendant qu'il dort",
        "si quelqu'un égorgeait {elu} demain personne ne pleurerait. suivez mon regard",
        "faut que qqn lui fasse la peau à ce {elu_nom}",
    ], S, n=2),
    G("deserves_violence", CALL_IND, [
        "{elu} mérite une balle.", "{prenom} mérite de se faire buter",
        "{elu} devrait être pendu pour trahison", "{elu} devrait être pendu sur la place publique",
        "{journaliste} mérite d'être traîné dans la rue et lynché",
        "pendez {candidat}", "{elu_nom} au bout d'une corde", "{elu} mérite de crever lentement",
        "Une balle dans la nuque pour {elu_nom}, c'est tout ce qu'il mérite",
        "Au poteau {elu} !", "{elu_nom} à la lanterne !", "{prenom} mérite un coup de couteau dans le dos",
        "Fusillez-les tous, à commencer par {elu}",
        "Exécution publique pour {candidat}. Rien de moins.",
        "{journaliste} devrait être torturé puis abattu", "Peloton d'exécution pour {elu}",
        "La guillotine pour {elu_nom} et toute sa clique",
    ], S, n=3),
    G("death_to", CALL, [
        "Mort à {elu_nom} !", "MORT AUX TRAÎTRES", "mort aux flics", "Mort aux keufs, tirez à vue",
        "Mort aux élus qui ont voté ça, tous autant qu'ils sont", "Mort aux journalistes, pendez-les tous",
        "mort aux juges vendus", "mort aux patrons, brûlez leurs maisons", "Mort aux traîtres de l'Assemblée !!!",
    ], S, n=2),
    G("call_to_action", JOINT, [
        "rdv {quand} devant {lieu}, on les crame", "Rendez-vous {quand} devant {lieu}, ramenez {arme}. On règle ça nous-mêmes.",
        "Tout le monde à {lieu} {quand}. Prenez {arme} et laissez personne debout",
        "{quand} on marche sur {lieu}. ramenez {arme}. {elu} n'en sortira pas vivant",
        "Rassemblement à {lieu} {quand}. On sort {elu} et on le pend",
        "Qui est chaud ? {lieu}, {quand}. Ramenez {arme} et des cagoules.",
        "rdv {lieu} {quand}. s'ils partent pas on brûle tout avec eux dedans",
        "On prend d'assaut {lieu} {quand} et on exécute tous les traîtres",
        "On va chez {journaliste} ce soir lui donner une leçon dont il se relèvera pas",
        "L'adresse est dans le groupe. {quand}. Ramenez {arme}. {prenom} va payer.",
        "Patriotes armés, {lieu}, {quand}. Abattez quiconque vous barre la route.",
        "go {lieu} {quand} on met le feu. aucune pitié",
        "On traque {elu} et on le pend haut et court",
    ], S, n=3),
    G("call_to_action", CALL, [
        "Allez à {lieu} {quand} et tuez-en le plus possible",
        "Trouvez {elu} et flinguez-le. Son adresse est publique",
        "Prenez les armes et tuez les traîtres de {lieu}",
        "Tuez-les tous. Jusqu'au dernier à {lieu}.",
        "Brûlez {lieu}, ceux qui sont dedans le méritent",
        "faut aller défoncer {prenom} ce soir, il est au bar de la place",
        "Levez-vous et massacrez-les avant le vote, {quand}",
        "Manifester sert à rien. Tirez. {elu} est à {lieu} {quand}.",
        "Prenez {arme} et allez rendre visite à la permanence de {candidat}",
    ], S, n=3),
    G("official_threat", DIRECT, [
        "{elu}, on sait où vont tes enfants à l'école.",
        "Cher {elu} : tranchez contre nous et vous finirez au bout d'une corde.",
        "{elu} va se faire descendre en sortant du tribunal et c'est moi qui tiendrai le fusil",
        "On vient te chercher {elu}. Ferme bien ta porte, ça servira à rien",
        "Hé {journaliste}, continue tes mensonges. On a ton adresse et des munitions",
        "{candidat} verra pas le jour de l'élection. Promis.",
        "Le juge qui signe cette décision est un homme mort. Je m'en charge.",
        "Je vais exécuter {elu} de mes mains pour ce qu'il a fait",
        "Le prochain meeting de {candidat} sera le dernier, je viendrai avec ma carabine",
        "{elu} t'as une cible dans le dos et je vise bien",
        "Au journaliste qui a balancé mon frère : je vais te trouver et tu regretteras d'être né",
        "Monsieur le maire, votre mairie va brûler et vous avec",
        "on verra si {journaliste} fait le malin avec un flingue sur la tempe",
        "J'espère que {elu} profite de ses dernières semaines. J'ai des projets pour lui.",
        "la permanence de {elu_nom} va sauter, et lui avec",
    ], S, n=3),
    G("group_threat", GROUP_T, [
        "Je vais tirer sur tous {groupe} que je croise à {lieu} {quand}",
        "On va tuer {groupe}. Tous.", "ce week-end on arrose {lieu}, c'est plein {groupe_de}",
        "je gazerai {groupe} moi-même s'il le faut",
        "La prochaine fois que {groupe} défilent dans notre ville on ouvre le feu",
        "on va cramer {lieu} avec {groupe} dedans",
        "Je vais foncer avec mon camion dans {groupe} à {lieu}",
        "Tous {groupe} du quartier seront morts avant l'été. Je commence {quand}.",
        "Je serai à {lieu} avec ma carabine pour accueillir {groupe}",
        "Un jour on mettra {groupe} dans des camps et ensuite sous terre",
    ], S, n=2),
    G("group_threat", GROUP_C, [
        "Tuez {groupe}.", "il faut gazer {groupe}", ("mort {aux}", "MORT {aux} !!!"),
        "{groupe} devraient être pendus", "chaque bougnoule mérite une balle",
        "Brûlez {lieu}, c'est plein {groupe_de}", "Raflez {groupe} et fusillez-les",
        "Exterminez {groupe} comme la vermine qu'ils sont",
        "faudrait que quelqu'un aille tirer dans {lieu}, trop {groupe_de}",
        "Pendez {groupe} aux arbres", "Quelqu'un devrait faire sauter {lieu} pendant la prière",
        "Cassez de l'arabe ce soir, faites tourner",
        "{groupe} doivent être rayés de la carte et c'est à nous de le faire",
        "allez chasser {groupe} ce week-end, on compte les corps",
        "Coulez les bateaux. Laissez {groupe} se noyer.",
        "Il faut un nouveau Vel d'Hiv et cette fois aller jusqu'au bout",
        "les fours c'était pas assez, faut finir le travail avec {groupe}",
        "ratonnade ce soir, qui vient ?",
    ], S, n=2),
    G("group_threat", GROUP_TC, [
        "rdv {lieu} {quand}. Ramenez {arme}. On nettoie le quartier {groupe_de}.",
        "On va à {lieu} {quand} pour buter {groupe}",
        "On passe à l'action {quand}. Cible : {lieu}. Ramenez {arme} pour {groupe}",
        "On reprend notre pays. {groupe}, on les trouve, on les bute. Qui me suit ?",
        "On va brûler le foyer de migrants ce soir. J'apporte l'essence",
    ], S, n=3),
    G("direct_threat", DIRECT, [
        "Salope je vais te tuer quand tu rentres", "je vais te tuer toi et toute ta famille {prenom}",
        "dis à ta mère d'acheter du noir, tu vas pas rester longtemps",
        "rigole bien {prenom}, tu rigoleras dans ta tombe",
        "La prochaine fois que tu sors, y'aura quelqu'un qui t'attend avec un flingue",
        "mon frère arrive ce soir avec une batte. t'es fini",
        "Tu vas te réveiller la gorge tranchée",
        "je vais faire en sorte que tu marches plus jamais",
        "kestu regardes ? jvais te défoncer jusqu'à ce que t'en crèves",
        "tkt on va s'occuper de toi, tu vas finir à la morgue",
    ], S, n=2),
    G("death_wish", WISH, [
        "J'espère que tu crèves dans un incendie {prenom}", "crève", "j'espère que tu vas te faire écraser par un bus",
        "J'espère que quelqu'un va te planter ce soir", "Je voudrais que tu sois mort",
        "va crever {prenom}", "j'espère que tu choperas un cancer et que tu crèveras lentement",
        "le monde irait mieux si tu te prenais une balle",
    ], S, n=2),
]

GROUPS += [
    G("veiled_threat", DIRECT, [
        "Ce serait dommage qu'il arrive quelque chose à tes enfants, {prenom}",
        "Jolie famille. Ce serait bête qu'ils aient un accident.",
        "Je sais quelle voiture tu conduis et à quelle heure tu sors du boulot. Réfléchis-y.",
        "Les accidents arrivent aux gens qui parlent trop, {prenom}",
        "On a du monde dans ta ville. Continue de poster et tu verras.",
        "Ta femme sort de la salle de sport à 21h non ? je demande juste 🙂",
        "viens pas au lycée demain {prenom}. sérieux. viens pas.",
        "Dernier avertissement. La prochaine fois ce sera pas une lettre dans ta boîte.",
        "J'ai une balle avec ton nom gravé dessus", "Dors bien {prenom}. Tant que tu peux encore.",
        "Tu te souviens de ce qui est arrivé au dernier qui m'a doublé ? T'es le prochain.",
        "on sait où tu te gares, {journaliste}. les freins ça lâche parfois",
        "🔪🔪🔪 à ce soir {prenom}", ("🔫 t'es le prochain", "t le prochain", "T'es le prochain."), "⚰️ {prenom} ⚰️ bientôt",
        "Tu habites au 14 rue des Acacias. On passera te voir.",
    ], S, n=2),
    G("direct_threat", DIRECT, [
        "crève salope", "fais gaffe à toi",
        "Je vais te violer et te tuer", "jvais te trouver et te violer", "Je vais te faire saigner",
        "Continue de l'ouvrir et tu mangeras à la paille pour le peu de vie qui te reste",
        "Écoute-moi bien petite merde, j'ai été patient pendant des mois mais c'est fini : je viens chez toi {quand} et je vais te tabasser à mort à mains nues.",
        "Tout le monde ici sait que je bluffe pas. {prenom}, je vais te planter devant tes potes et je vais rigoler pendant que tu te vides de ton sang par terre.",
        "Mes frères vont s'occuper de toi. Tu sortiras pas vivant de la boîte",
        "Je vais faire un Columbine dans ce lycée et t'es le premier sur ma liste",
        "je vais allumer un flic ce soir, le premier que je croise",
        "Le prochain médecin qui sort de cette clinique se prend une balle",
        "je vais te réduire en bouillie sale balance",
        "Wesh t'as cru quoi ? on va te sécher toi et ton reuf",
        "Ta gueule ou je t'ouvre le bide",
    ], S, n=1),
    G("call_to_action", CALL_IND, [
        "Son adresse c'est 12 allée des Bouleaux. Vous savez quoi faire.",
        "Balancez l'adresse de {prenom} et rendez-lui visite, pour de bon",
        "Voilà l'adresse de {journaliste}. Allez lui montrer ce qu'on fait aux menteurs",
        "Que quelqu'un aille au taf de {prenom} lui éclater la tête, il finit à 18h",
        "Faites comme le type de Christchurch. Finissez le travail à {lieu}.",
        "Ceux qui habitent près de {elu_nom}, rendez-nous service ce soir",
        "Faites tourner : {candidat} parle à {lieu} {quand}. Ramenez vos fusils, on sait ce qu'il faut faire.",
        "RT si {elu} mérite une balle", "Like si {prenom} doit se faire buter",
    ], S, n=2),
    G("call_to_action", JOINT, [
        "Ce soir on va tuer du flic", "On choppe {prenom} à la sortie des cours, ramenez les couteaux",
        "On va sortir {elu} de chez lui et le pendre à son portail. Qui vient ?",
        "Ce soir on va à {lieu} et on s'arrête pas tant qu'il en reste un vivant",
        "Chargez les armes les gars, on tape {lieu} {quand}",
    ], S, n=2),
    G("group_threat", GROUP_C, [
        "Les fours chauffent pour {groupe} 🔥", "RT si {groupe} doivent être renvoyés dans des sacs mortuaires",
        "{groupe} sont de la vermine. Exterminez-les avant qu'ils se reproduisent.",
        "Partez à la chasse à {lieu}, y'a plein {groupe_de} ce soir", "Tirez sur {groupe} à la frontière. Tous. Sans sommation.",
        "la remigration à coups de fusil pour {groupe}",
    ], S, n=2),
    G("group_threat", GROUP_T, [
        "Je vais aller à {lieu} et tuer le plus {groupe_de} possible",
        "Mon fusil est prêt pour {groupe}. Rendez-vous à {lieu}",
        "On pendra tous {groupe} de la ville au pont",
    ], S, n=2),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "À la prof qui a saqué mon fils : je connais ton trajet. Change de boulot ou je te change la tête pour de bon.",
        "Infirmière {prenom}, t'as tué ma mère. Je vais te rendre la pareille.",
        "tu crois que t'es à l'abri derrière ton écran ? j'ai ton IP. à {quand}",
        "Je suis en bas. Ouvre ou je passe par la fenêtre avec la hache.",
        "t'as gâché ma vie alors je vais finir la tienne, c'est simple",
        "Dis à ton avocat de prévoir aussi les pompes funèbres",
        "je te jure sur mes enfants je vais te mettre 47 coups de couteau",
        "wsh {prenom} viens au parc {quand} et tu repars en ambulance ou en corbillard",
        "gg ez. au fait j'ai trouvé ton adresse sur ton stream, 4 rue du Moulin, je viens te planter en vrai",
        "la prochaine fois que tu frappes ma sœur je te tue de mes mains",
        "Je vais te fendre le crâne comme un œuf",
        "Ton sang sera sur le trottoir d'ici vendredi",
        "Je m'arrêterai pas avant que tu sois mort. C'est une promesse.",
        "vas-y continue de faire le malin sur insta, on va te péter les genoux",
    ], S, n=1),
    G("plan", PLAN, [
        "Les bidons d'essence sont dans le coffre. {lieu} brûle ce soir.",
        "J'ai acheté le fusil aujourd'hui. Lundi je règle mes comptes avec tout le monde à {lieu}.",
        "j'écris mon manifeste. d'ici {quand} tout le monde connaîtra mon nom et {lieu} sera un cimetière",
        "On a les adresses des cinq conseillers municipaux. On va leur rendre visite un par un, avec des battes.",
        "Avec mon cousin on va tabasser le proprio à mort s'il nous expulse",
        "après l'audience je trouve la maison du juge et je la crame avec lui dedans",
    ], S, n=1),
    G("call_to_action", CALL, [
        "Guerre civile maintenant. Prenez les armes et butez les traîtres au gouvernement",
        "Mort aux proprios. Commencez par le vôtre.", "Sortez les riches de leurs villas et égorgez-les",
        "Purgez les traîtres. Chaque député qui a voté pour, au poteau",
        "La révolution armée est la seule réponse. Exécutez les patrons.",
        "Si vous croisez un flic seul ce soir, vous savez quoi faire",
        "Allez à la frontière et tirez sur tout ce qui passe", "Tirez sur les pillards. Tous.",
        "faut sortir les kalachs et aller nettoyer l'Assemblée",
    ], S, n=1),
    G("someone_should", CALL_IND, [
        "Ce serait dommage que quelqu'un brûle la boutique de {prenom} ce soir 🔥",
        "Je dis pas qu'il faut flinguer {elu}. Mais aucun jury ne condamnerait.",
        "un vrai patriote aurait déjà descendu {candidat}",
        "si {elu} avait un « accident », le monde irait mieux. qqn s'en charge ?",
        "Quelqu'un doit donner une leçon à {prenom} avec une batte",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        "Nettoyez le pays {groupe_de}. Par la force.", "Chasse {groupe_de} ouverte ce soir, faites tourner",
        "Brûlez toutes les mosquées avec les fidèles dedans", "Que quelqu'un crame la synagogue pendant shabbat",
        "Tirez sur {groupe} avant qu'ils nous remplacent", "Tous les bars gays devraient sauter",
        "Lynchez {groupe} qui se sont installés à côté",
    ], S, n=2),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "Ça fait deux ans que je lis tes avis sur mon restaurant sans rien dire. Tu m'as coûté mon commerce, mon mariage, tout. Alors voilà mon avis : je sais où tu habites, et un soir tu ouvriras la porte et ce sera moi.",
        "Marrant comme t'es courageux en ligne, {prenom}. Ce sera pas pareil quand tu promèneras ton chien seul à 22h rue des Cèdres. J'y serai ce soir. Ramène un pote si tu veux, j'ai assez de balles pour deux.",
        "Tout le monde me dit de me calmer et de laisser tomber. Non. T'as menti au juge, t'as pris mes enfants et t'en as rigolé. J'en ai fini avec les avocats. La prochaine fois que je te vois, tu te relèveras pas.",
        "mdr tu croyais que me bloquer allait suffire ?? j'ai fait un autre compte juste pour te dire : la voiture devant chez toi hier soir c'était moi. la prochaine fois je rentre. dors bien",
        "C'est ton seul et unique avertissement. Approche plus de ma fille. Si je te revois près de chez nous je t'abats sur place et je ferai ma peine avec plaisir.",
    ], S, n=1),
    G("official_threat", DIRECT, [
        "Cher {elu}, j'ai voté pour vous trois fois et vous nous avez craché dessus avec cette décision. Vous n'aurez pas de quatrième mandat parce que vous ne vivrez pas jusque-là. On connaît votre agenda, votre voiture, et on a fini de demander gentiment.",
        "Hé {journaliste}, vu ta petite « enquête » sur notre groupe. Mignon. L'école de tes gosses est à deux rues de chez toi, non ? Écris encore un mot et tu rédigeras ta propre nécro.",
    ], S, n=1),
    G("call_to_action", JOINT, [
        "Assez parlé. Le conseil a voté la fermeture de l'usine et 400 familles sont ruinées. {quand} on va tous à {lieu} et on ramène {arme}. Personne du conseil ne sort vivant du bâtiment. Partagez seulement aux gens de confiance.",
        "Écoutez. Les flics nous aideront pas donc on se débrouille. {quand}, {lieu}, on trouve le dealer qui a vendu à mon frère et on le finit. Ramenez des gants et {arme}. Pas de téléphones.",
    ], S, n=1),
    G("group_threat", GROUP_TC, [
        "Ils prennent notre quartier maison par maison et les politiques font rien. J'en ai marre d'attendre. {quand} on va à quelques-uns à {lieu} avec {arme} et on va faire en sorte que {groupe} se sentent plus jamais en sécurité ici. Qui vient ?",
        "Vingt ans que je vois cette ville changer et personne n'a les couilles de le dire. Alors je le dis et je le fais : {groupe} de {lieu} vont prendre ce qu'ils méritent {quand}. Ramenez vos fusils, ramenez vos potes.",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        "Long thread sur pourquoi {groupe} sont la source de tous nos problèmes. Conclusion : plus de votes, plus de débats. La seule solution c'est physique. Trouvez-les, chassez-les, et s'ils résistent, tuez-les. C'est eux ou nous.",
    ], S, n=1),
]

NONPROT_T = labels(hate=0, vt=1, inc=0, har=None, tox=1)
NONPROT_C = labels(hate=0, vt=0, inc=1, har=None, tox=1)
GROUPS += [
    G("question_call", CALL_IND, [
        "Pourquoi personne ne flingue {elu} ?", "combien de balles {elu} peut encaisser avant de tomber ? qqn peut tester ?",
        "Y'a personne d'assez courageux pour enterrer {candidat} ?", "On attend quoi pour pendre {elu} ?",
        "Qui va planter {prenom} en premier ? 👀",
    ], S, n=2),
    G("question_call", GROUP_C, [
        "Ce serait pas génial si {groupe} crevaient tous dans un incendie ? faut le faire", "Pourquoi on tire pas sur {groupe} à la frontière ?",
        "On commence quand à tuer {groupe} ?",
    ], S, n=2),
    G("opinion_call", CALL_IND, [
        "Franchement je pense que {elu} devrait être exécuté", "À mon avis {journaliste} mérite d'être tabassé à mort",
        "Perso je soutiendrais celui qui flingue {candidat}",
    ], S, n=2),
    G("opinion_call", GROUP_C, [
        "À mon avis {groupe} devraient tous être fusillés", "Je pense sincèrement qu'il faut exterminer {groupe}",
    ], S, n=2),
    G("direct_threat", DIRECT, [
        "jvaistetuer", "t mor mec", "jv te tuer", "je vé te crevé", "j'vais t'buter",
        "tu rentreras pa chez twa ce soar", "g ton adresse, t mort",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        ("mort{auxcolle}", "#Mort{auxcolle}"),
    ], dict(S, auxcolle=["auxjuifs", "auxarabes", "auxpedes", "auxmigrants", "auxnoirs", "auxbougnoules"]), n=2),
    G("nonprotected_threat", NONPROT_T, [
        "Je vais écraser tous les cyclistes de cette route, je le jure", "Le prochain vegan qui me fait la leçon au marché, je le plante",
        "Je vais tirer sur tous les proprios du quartier", "je vais poignarder le prochain touriste qui bloque l'escalator",
        "Le prochain boomer qui se gare à ma place, je lui crève les pneus et la gorge avec",
    ], S, n=1),
    G("nonprotected_call", NONPROT_C, [
        "Tous les vegans devraient être fusillés", "Fusillez les banquiers, tous", "Alignez les milliardaires et tirez",
        "Quelqu'un devrait faire sauter le centre des impôts", "Pendez tous les avocats", "Tuez les riches",
        "Les proprios méritent la guillotine", "Les chasseurs, faut leur tirer dessus pour voir",
    ], S, n=1),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "J'vas te tuer mon tabarnak", "t'es mort mon ostie de crisse", "j'vas te casser la yeule pis t'enterrer dans ta cour",
        "Je vais te taper jusqu'à ce que tu respires plus, tu m'entends fieu", "Wallah je te bute si tu reviens au quartier",
        "sur le Coran je vais te saigner", "on va te fumer toi et ton équipe, c'est validé", "tu vas finir en PLS au sol et t'en relèveras pas",
        "t'as cru t'étais qui ? on va te retrouver et te finir à la batte", "j'vais t'faire la misère, pis après j'vais t'achever",
    ], S, n=1),
    G("call_to_action", CALL_IND, [
        "si vous voyez {prenom} au quartier, fumez-le direct", "le premier qui choppe {prenom}, il le finit, je régale après",
    ], S, n=1),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "Je vais te briser la nuque, {prenom}", "je vais te mettre en fauteuil roulant à vie", "tu vas ramasser tes dents par terre",
        "je vais te refaire le portrait au cutter", "Ta famille ira à ton enterrement avant le printemps", "je vais empoisonner ton chien, puis toi",
        "tu vas manger à la paille quand j'en aurai fini avec toi", "je vais t'enterrer dans le bois derrière chez toi et personne te cherchera",
        "Je vais faire de ta femme une veuve", "je vais t'attacher et foutre le feu au garage", "je vais te traîner derrière ma bagnole jusqu'à ce qu'il reste rien",
        "je vais t'envoyer à l'hosto et après à la morgue", "je vais te faire bouffer le trottoir jusqu'à ce que tu bouges plus",
        "je vais te balancer du balcon moi-même", "je vais te démonter la tête à coups de barre",
    ], S, n=1),
]

GROUPS += [
    G("call_to_action", CALL, [
        "Les assesseurs qui ont validé cette fraude doivent être traqués. Noms et adresses dans le doc ci-dessous.",
        "Le premier qui croise un assesseur du bureau 12 tout seul : faites un exemple", "Faut commencer à flinguer les médecins qui pratiquent l'IVG",
        "Attaquez-vous aussi à leurs familles, c'est le seul langage qu'ils comprennent", "Aux armes citoyens, on va chercher les traîtres de l'Élysée un par un",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        "Le spectacle de drag à la médiathèque c'est samedi 14h. Ce serait dommage que des patriotes armés viennent y mettre fin pour de bon.",
        "La marche des fiertés samedi, cible parfaite, ramenez vos fusils", "Les bars gays sont pleins le samedi soir. Je dis ça. Quelqu'un de courageux pourrait changer les choses.",
        "La synagogue de la rue Victor-Hugo n'a pas de vigiles le samedi matin. Faites-en ce que vous voulez.",
    ], S, n=1),
    G("direct_threat", DIRECT, [
        "wesh la zonz tu vas te faire fumer, c'est carré", "t'inquiète on va te péta ta gueule toi et tes reufs", "jte jure jvais t'smash en deux",
        "tu vas te faire shooter à la sortie du bahut, c'est validé", "fais le malin, on va te ken la tête", "mon reuf va t'planter, t'es grillé",
        "jvais te faire la peau sale batard", "tkt on sait où t'habites, ce soir c'est ta fête (pas dans le bon sens)",
    ], S, n=1),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "Annule encore ma modif sur l'article et je trouve où t'habites et je viens te tuer",
        "Les modos comme toi, c'est pour ça que les gens pètent les plombs. Ban-moi encore et je débarque chez toi avec une batte",
        "J'ai matché juste pour te dire : je me souviens de ta tête au bar. Je t'attendrai à la sortie du taf vendredi.",
        "Ton avis 1 étoile m'a fait perdre mon boulot. J'ai trouvé ton Facebook. Tes gosses sont mignons. Dommage s'ils perdaient un parent.",
        "@{prenom} continue de te foutre de moi sur le groupe et je ramène le flingue de mon père en cours",
        "Répète ça sur le parking et on verra si tu rentres chez toi {prenom}", "Supprime ce topic ou je te supprime",
        "je vais trouver ton adresse IRL et cramer ta baraque sale modo", "tu m'as report ? ok. profite de ta dernière semaine, j'ai ton lycée et ton emploi du temps",
        "L'arbitre, encore une erreur contre mon fils et je t'attends sur le parking avec un démonte-pneu",
        "khey je vais te retrouver et tu vas finir au fond du Rhône", "tu vas finir dans le canal avec un parpaing aux pieds",
        "Proprio, t'as jusqu'au 1er pour réparer le chauffage, sinon je te fracasse le crâne quand tu viens chercher le loyer",
    ], S, n=1),
    G("plan", PLAN, [
        "Demain je ramène une arme au bureau et les RH y passent en premier", "Ce soir j'attends devant chez mon ex. Elle verra pas le matin",
        "je vais planter le prochain client qui me gueule dessus, le couteau est dans mon tablier",
        "Les feux d'artifice de samedi seront pas la seule explosion au stade. Je prépare ça depuis des mois.",
    ], S, n=1),
]

# ----- 3e série : verbes au-delà de "tuer", plans au présent, menaces voilées, SMS et fautes -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "Je vais te casser les deux jambes, tu marcheras plus jamais", "tu vas finir à l'hosto dès que tu mets un pied dehors",
        "je vais te faire disparaître et personne te cherchera", "jvais te defoncer ta gueule jusqu'à ce que ta mère te reconnaisse plus",
        "Je vais te mettre le feu et te regarder cramer",
        "tu vas finir dans un fossé {prenom}, je te le promets", "je vais te refaire le portrait au cutter",
        "jte nik ta race a la batte jusqu'a ce que tu bouges plus", "je vais t'écraser la trachée avec ma botte",
        "je vais te repeindre le salon avec ta cervelle", "un mot de plus et je t'arrache la langue",
        "je vais t'enterrer vivant dans ton jardin", "t'inkiete je vais te planté dans les côtes sa va etre vite fait",
        "je vais te noyer dans ta piscine {prenom}", "je vais te pendre à l'arbre devant chez toi", "je te mets dans un sac mortuaire moi-même",
        "Je vais te brûler vif, toi et ta bagnole",
    ], S, n=1),
    G("plan", PLAN, [
        "Je charge le fusil là. {prenom} va prendre ce qu'il mérite ce soir", "Je suis devant chez toi. Je vois la lumière de ta chambre. Descends.", "j'ai acheté le bidon et le briquet, ta boutique ouvrira pas demain",
        "j'aiguise le couteau en ce moment même, à ta sortie du taf", "Je suis dans la voiture, à dix minutes de ta porte. J'espère que t'as dit au revoir à tes gosses.",
        "j'ai les colliers de serrage, le scotch et ton emploi du temps. c'est ce soir",
        "J'attends dans la cage d'escalier de ton immeuble. Faudra bien que tu rentres.",
        "Je pars au lycée avec les armes de mon père. Personne m'arrêtera cette fois.",
        "Les munitions sont achetées. {elu} parle à {lieu} {quand} et je serai au premier rang.",
    ], S, n=1),
    G("conditional_threat", DIRECT, [
        "Si le verdict tombe mal, {elu} verra pas l'appel", "Touche encore à ma sœur et on te ramassera à la petite cuillère",
        "si tu me rembourses pas vendredi tu te prends une balle, c simple", "Reviens sonner chez moi et tu repars en ambulance. Ou dans un sac.",
        "Si tu témoignes, toi et ta petite c'est fini", "vire moi et je reviens avec un flingue, je rigole pas",
        "Tant que la vidéo est en ligne, je viendrai te casser les mains",
    ], S, n=1),
    G("veiled_threat", DIRECT, [
        "Elle est bien calme ta rue. Personne entendrait rien.", "Ta fille rentre seule le mardi, non ?",
        "À ta place je regarderais sous ma voiture avant de démarrer cette semaine", "C'est fou comme un incendie démarre vite. Court-circuit, qu'ils disent toujours.",
        "Tu le verras pas venir {prenom}. C'est tout ce que je dis.", "Dis à tes gosses que tu les aimes ce soir. On sait jamais.",
        "Fais gaffe à toi. Tous les jours. Pour le peu de temps qu'il te reste.", "Y a des gens qui disparaissent sur ce chemin, {prenom}",
        "on retrouvera ce qui reste de toi dans le canal", "bon café ce matin au même endroit que d'hab ? à demain",
        "Profite bien du lever de soleil demain, c'est peut-être le dernier",
    ], S, n=1),
    G("official_threat", DIRECT, [
        "Eh {journaliste}, encore un article et ce sera ta nécro",
        "{candidat} verra pas le jour du vote, je m'en occupe personnellement", "On a l'adresse du juge et pas mal de munitions. Jugez bien.",
        "le conseil a voté pour, alors chaque conseiller va recevoir ma visite avec le fusil",
    ], S, n=1),
    G("someone_should", CALL_IND, [
        "Faut que quelqu'un écrase {candidat} au prochain meeting", "Personne du coin pour aller mettre {elu} six pieds sous terre ?",
        "Une prime pour celui qui casse les mains de {journaliste}", "Le premier qui croise {elu}, le laissez pas repartir", "Quelqu'un peut aller cramer la baraque de {journaliste} svp",
        ], S, n=1),
    G("deserves_violence", CALL_IND, [
        "{elu} mérite d'être traîné dehors et fusillé dans la rue", "{candidat}, une corde et un grand arbre, voilà ce qu'il lui faut",
        "{journaliste} mérite qu'on lui explose la tête", "{prenom} devrait se faire égorger, franchement",
        "Les jurés qui l'ont libéré, au poteau, tous",
    ], S, n=1),
    G("call_to_action", CALL, [
        "Tout le monde prend ce qu'il a et rdv à {lieu} {quand}. Aucun élu ressort vivant.", "Ramenez {arme}. On règle ça {quand} à {lieu}.",
        "Sortez les fourches. Allez les chercher chez eux, pas au bureau.", "Trouvez leurs adresses, trouvez-les, faites-leur mal. Dans cet ordre.",
        "Arrêtez de tweeter et commencez à tirer, les traîtres s'arrêteront pas sinon", "Brûlez toutes leurs permanences, avec le personnel dedans si possible",
        "Les patriotes : la greffière vit seule. Allez lui rendre une visite qu'elle oubliera pas.",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        "Chaque {groupe} que vous croisez, tabassez-le. Tous.", "Mettez le feu à {lieu} pendant qu'ils prient dedans", "Faut recommencer à chasser {groupe} dans les rues comme avant",
        ], S, n=1),
    G("group_threat", GROUP_T, [
        "Avec mon équipe on va vider le quartier {groupe_de}, maison par maison", "Je vais tirer sur tous {groupe} que je trouve à {lieu} {quand}",
        "Avec les gars on attend {groupe} à la sortie de la prière. Battes prêtes.",
    ], S, n=1),
    G("death_wish", WISH, [
        "J'espère que tu vas te faire écraser par un bus, {prenom}", "Vivement que je lise ta nécro",
        "le monde irait mieux si tu crevais ce soir", "j'espère que tu t'étouffes avec et que tu crèves",
    ], S, n=1),
]

# ----- 4e série : menaces voilées, menaces sans verbe violent, registres familiers -----
GROUPS += [
    G("veiled_threat", DIRECT, [
        "Jolie maison rue des Bouleaux. Ce serait dommage qu'elle brûle pendant que tout le monde dort.", "Y en a qui comprennent que trop tard. Toi tu vas comprendre bientôt.", "T'as beaucoup à perdre, {prenom}. Pense à ce que t'aimes le plus.", "Belle voiture. Dommage si les freins lâchaient sur l'autoroute.",
        "N'oublie pas : je connais ton trajet, ta salle de sport et l'école de ton fils.", "Demande à {prenom} ce qui arrive à ceux qui me cherchent. Ah non, il peut plus parler.",
        "Ta mère habite toujours rue des Chênes ? Passe-lui le bonjour. Pour l'instant.", ], S, n=1),
    G("direct_threat", DIRECT, [
        "t'es fini. ils devront fermer le cercueil",
        "jvais t'enterrer, tu vas voir", "on va te fumer dès qu'on te voit, wallah",
        "encore un mot sur ma mère et tu manges à la paille", "je vais te finir, {prenom}. lentement.", "Tu vas regretter d'être né quand je vais te choper",
        "tkt on va te retrouver et tu vas saigner", ], S, n=1),
    G("plan", PLAN, [
        "Demain c'est le jour. Tout le monde dans ce bureau va payer pour ce qu'ils m'ont fait.", "La lettre est écrite, j'ai le flingue. Lundi matin, tout le service.",
        ], S, n=1),
    G("conditional_threat", DIRECT, [
        "Vote cette loi et tu seras plus en sécurité nulle part dans cette ville", "Approche encore mes enfants et tu reverras jamais les tiens",
        "Si je perds la garde, le juge et mon ex y passent. Point.", "appelle les flics et ton frère c'est le premier que je bute",
    ], S, n=1),
]

# ----- 5e série : appels éliminationnistes contre des groupes, "il est temps de…", menaces énoncées comme un fait -----
GROUPS += [
    G("group_threat", GROUP_C, [
        "Faut éliminer {groupe}, jusqu'au dernier, aucune exception", "Il est temps de finir ce qui a été commencé en 40. En commençant par {groupe}.",
        "Exterminez {groupe} avant qu'ils nous remplacent",
        "Allez de porte en porte et sortez {groupe} de chez eux", "{groupe}, c'est bien que morts, alors au boulot",
        "Cramez leurs boutiques, cramez leurs maisons, virez {groupe} de la ville", "Pendez {groupe} à chaque lampadaire de la grand-rue",
        "Faudrait gazer {groupe}, sérieux",
    ], S, n=1),
    G("call_to_action", CALL, [
        "Il est temps de tirer sur les flics nous aussi. Visez la tête.",
        "L'arbre de la liberté a besoin d'être arrosé. Vous savez avec quoi. Commencez par les sénateurs.", "La chasse aux politiques est ouverte. Faites tourner.",
        "Une batte, un banquier, vous connaissez la suite", ], S, n=1),
    G("official_threat", DIRECT, [
        "{elu} est un homme mort. Je m'en occupe moi-même.", "Ce juge verra pas Noël. Je m'en charge.",
        "{journaliste} a écrit son dernier article, crois-moi", "Le compte à rebours tourne, {candidat}. C'est moi qui vais l'arrêter.",
    ], S, n=1),
    G("veiled_threat", DIRECT, [
        "Les accidents de voiture, ça arrive vite sur ta route, {prenom}", "T'as de la chance d'être encore debout. Ça va pas durer.", "Regarde bien derrière toi en rentrant ce soir",
    ], S, n=1),
]

# ----- 6e série : autres registres (soutenu, travail, conjugal, jeux en ligne, argot) et posts plus longs -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "Soyons clairs, {prenom} : si tu recontactes ma femme, je mettrai fin à tes jours et je n'en perdrai pas une minute de sommeil.",
        "Après ce que tu as fait en réunion, je vais m'assurer que tu rentres chez toi en morceaux. À 15h au point d'équipe.",
        "Tu crois que l'ordonnance d'éloignement te protège ? Le papier arrête pas les balles, ma belle.",
        "gg ez, maintenant je trouve ton adresse avec ton IP et je te bute en vrai",
        "sur la tête de ma mère tu vas te prendre une bastos la prochaine fois que tu passes", "tu me dois. paie ou on te repêche dans le canal",
        "Salope je vais te taillader le visage pour que plus personne te regarde", "J'y ai beaucoup réfléchi et j'ai décidé que tu ne vivrais pas, {prenom}", ], S, n=1),
    G("group_threat", GROUP_T, [
        "Je vais faire payer de leur vie tous {groupe} de cette ville", "Ce week-end moi et mon fusil on part à la chasse {aux}",
        "On va brûler {groupe} dans leurs maisons, et on commence la semaine prochaine",
    ], S, n=1),
    G("nonprotected_threat", PLAN, [
        "Le prochain cycliste qui me coupe la route passe sous mes roues, exprès", "Le proprio qui vient chercher le loyer ce mois-ci repart dans une housse mortuaire",
    ], S, n=1),
]

# ----- 7e série : appels par euphémisme ou en question, appels à refaire un attentat, primes -----
GROUPS += [
    G("someone_should", CALL_IND, [
        "Si {elu} avait un petit « accident » en rentrant, personne pleurerait. Des volontaires ?", "Qui a les couilles d'aller rendre une visite à {journaliste} dont il se relèvera pas ?",
        "Prime : un mois de loyer à celui qui envoie {prenom} en réanimation",
        "Quelqu'un du coin, svp. {elu}. Ce soir. Vous savez quoi faire.", "personne va s'occuper de {candidat} à l'ancienne ? une corde ça coûte rien",
    ], S, n=1),
    G("call_to_action", CALL, [
        "Il nous faut un nouveau Ravaillac, aujourd'hui, avec un couteau, à l'Élysée", "Ceux qui attendent encore la justice sont des lâches. Allez chez eux.",
        ], S, n=1),
    G("group_threat", GROUP_C, [
        "Qui a le courage de faire à {groupe} ce qu'on aurait dû leur faire depuis longtemps ?", "Faites comme au Rwanda, {groupe} l'ont bien cherché",
        "Ce serait dommage que personne crame le centre culturel {groupe_de} ce week-end. Vraiment dommage.",
    ], S, n=1),
]

# ----- 8e série : menaces voilées (surveillance, « accidents »), menaces sans verbe violent
# (argot, conséquences : hôpital, fauteuil, sonde), plans de « dernier message », adresses
# livrées à la foule, « faites ce que vous jugez bon ». Les phrases dont le hachage tombe dans
# le quart de test sont laissées de côté. -----
GROUPS += [
    G("veiled_threat", DIRECT, [
        "T'as une jolie femme, {prenom}. Ce serait terrible qu'un soir elle rentre pas.",
        "C'est fou le nombre de gens qui tombent des ponts. Ça arrive tellement vite.",
        "Je te vois à la salle de sport. T'as l'air fatigué. Repose-toi tant que tu peux.",
        "L'arrêt de bus de ton fils est juste à côté du bois, non ?",
        "Il arrive des choses aux gens qui parlent aux journalistes, {prenom}. Je dis ça.",
        "Tes freins, tu les as fait vérifier quand la dernière fois ?",
        "Je dis pas qu'il va se passer quelque chose. Je dis juste que je sais laquelle est ta chambre.",
        "Mets une meilleure serrure. Une alarme aussi. Ça changera rien mais tu dormiras mieux.",
        "Ferme ta gueule sur ce que t'as vu ou c'est toi qu'on retrouvera la prochaine fois",
        "je sais à quelle heure tu sors du taf. c'est tout. bonne soirée",
        "Le dernier qui a témoigné contre mon frère a déménagé. Dans une boîte.",
        "j'espère que t'aimes la bouffe d'hôpital, tu vas en manger pendant longtemps",
        "Fais attention dans les escaliers de ton immeuble, {prenom}. Ça tombe de haut.",
        "Tout le monde finit par avoir une mauvaise journée. La tienne est déjà réservée.",
        "Ta mère habite toujours avenue Jaurès ? Dis-lui bonjour de ma part. Tant qu'elle peut l'entendre.",
        "J'ai vu ta voiture devant la crèche ce matin. Il est mignon ton petit. Ce serait dommage.",
        "Tu parles beaucoup pour quelqu'un qui vit seul au rez-de-chaussée",
        "Profite bien des fêtes, {prenom}. Fais en sorte qu'elles comptent.",
    ], S, n=1, train_only=True),
    G("direct_threat", DIRECT, [
        "Tu repartiras pas de celle-là, {prenom}. Pas sur tes deux jambes en tout cas.",
        "sur ma mère tu vas te faire allumer la prochaine fois que je te croise",
        "frérot tu te fais éclater dès que tu sors de la soirée",
        "Je vais t'abîmer le visage au point que tes gosses te reconnaîtront plus",
        "t'es déjà un fantôme, {prenom}, tu le sais juste pas encore",
        "je vais te faire passer par la fenêtre, wallah",
        "jvais te laisser en sang sur le parking",
        "Tu vas manger avec une paille quand j'en aurai fini avec toi",
        "Je vais te faire souffrir tellement lentement que tu vas me supplier d'en finir",
        "tu te fais plomber à vue, pas de discussion",
        "Tu seras en fauteuil avant Noël, {prenom}, c'est une promesse",
        "je vais te refaire le portrait au démonte-pneu",
        "continue de l'ouvrir et tu respireras avec une machine",
        "Ta mère devra te reconnaître à tes chaussures quand j'aurai fini",
        "le jour où je te chope t'éteins la lumière pour de bon",
    ], S, n=1, train_only=True),
    G("conditional_threat", DIRECT, [
        "Remontre ta tête devant l'école et ce sera la dernière chose que tu feras",
        "Si ce rapport arrive au conseil, {prenom}, tu seras plus là pour entendre la décision",
        "Franchis le piquet de grève demain et tu te prends une brique dans le crâne",
        "Si tu me quittes, je ferai en sorte que personne d'autre t'ait jamais. Jamais.",
        "Témoigne contre mon cousin et tes gosses grandiront sans toi",
        "Encore un avis négatif sur mon resto et je passe chez toi avec un hachoir",
        "si tu balances au prof tu finis pas l'année",
    ], S, n=1, train_only=True),
    G("plan", PLAN, [
        "J'ai acheté les munitions aujourd'hui. Vendredi à {lieu}, ceux qui se sont moqués de moi passent en premier.",
        "Tout est dans le coffre. Demain la réunion du conseil finit plus tôt que prévu. Définitivement.",
        "J'ai chronométré le trajet de {elu} tous les matins. Jeudi il arrivera pas.",
        "Les jerricans sont pleins. L'immeuble du proprio part en fumée ce soir, avec lui dedans.",
        "C'est mon dernier message. Regardez les infos sur {lieu} demain.",
        "la lunette est réglée et le toit donne pile sur la scène. {quand}.",
        "J'ai fait ma liste. Trois noms à la compta, un aux RH. Lundi.",
        "j'ai sorti le pistolet de mon oncle du coffre. mon beau-père verra pas le matin",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "{elu}, on sait dans quelle école vont tes enfants. Réfléchis bien à ton vote.",
        "À {journaliste} : ton adresse circule maintenant. Bonne soirée.",
        "Le meeting de {candidat} {quand} sera le dernier, j'apporte un petit cadeau pour la scène",
        "Chaque assesseur qui a validé ce scrutin va en répondre devant moi, avec mon fusil",
        "{elu}, tu as jusqu'à lundi pour démissionner. Après, ce sera plus de la politique.",
        "Les juges saignent comme tout le monde, {elu}, et je vais le prouver",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "J'amène mon fusil à la prière {groupe_de} {quand}. Personne ressortira.",
        "Plus aucune famille {groupe_de} dormira tranquille dans cette rue. Un incendie ça part vite.",
        "Moi et mes gars on rend visite {aux} du marché ce soir. Ils auront besoin d'une ambulance.",
        "Je vais faucher tous {groupe} devant {lieu} dès l'ouverture des portes",
    ], S, n=1, train_only=True),
    G("someone_should", CALL_IND, [
        "Le premier qui trouve {prenom}, faites en sorte qu'elle remarche jamais",
        "Quelqu'un qui a moins à perdre que moi devrait régler son compte à {elu} une bonne fois",
        "Aucun jury vous condamnerait si {journaliste} se réveillait pas un matin. Je dis ça.",
        "Voilà l'adresse perso de {elu}. Faites ce que vous jugez bon. 🔫",
        "Dommage que personne ait encore mis {candidat} six pieds sous terre",
        "Ceux qui sont près du tribunal demain : {elu} se gare derrière. Pas de caméras.",
    ], S, n=1, train_only=True),
    G("call_to_action", CALL, [
        "Faites-leur peur de marcher jusqu'à leur voiture. Chaque conseiller municipal.",
        "Trouvez où habitent les jurés. Rendez-leur visite. Faites un exemple.",
        "Ils comprennent que la force. Attendez-les au dépôt {quand}, ramenez {arme}.",
        "Remplissez les rues {quand}, et cette fois remplissez aussi les hôpitaux",
        "Armez-vous et allez à {lieu}. Fini de parler.",
        "Noms et adresses dans le message épinglé. Vous savez quoi faire.",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_C, [
        "Chaque famille {groupe_de} de votre quartier, virez-les cette nuit, par tous les moyens",
        "Ramenez {arme} à {lieu} {quand} et montrez {aux} qu'ils sont pas les bienvenus vivants",
        "{groupe}, le seul bon c'est un mort, vous savez ce qu'il reste à faire",
    ], S, n=1, train_only=True),
    G("call_to_action", JOINT, [
        "On va tous à {lieu} {quand} avec {arme}. Rejoignez-nous. Personne reste debout.",
        "On va cramer la permanence du conseiller ce soir, qui est chaud",
        "samedi on descend sur leur local, ramenez {arme}, on laisse personne respirer",
    ], S, n=1, train_only=True),
]

# ----- 9e série : menaces en question, par des tiers, avec émojis, déjà lancées, transmises
# (« dis-lui… »), grief puis menace ; appels par hashtag, prime et « qui se dévoue ». Les phrases
# dont le hachage tombe dans le quart de test sont laissées de côté. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "Ça te dirait une balle dans la nuque, {prenom} ?",
        "T'as déjà vu tes dents sur le trottoir ? Tu vas découvrir ça vendredi.",
        "Mes cousins connaissent ta tête maintenant. Ils arrivent.",
        "Les gars savent dans quel bar tu bois, {prenom}. Profite de ta bière.",
        "🔪🔪🔪 à très vite {prenom}",
        "⚰️ celui-là il est pour toi. t'as jusqu'à dimanche",
        "J'ai déjà payé quelqu'un pour s'occuper de toi. C'est réglé.",
        "Dis à {prenom} que c'est un homme mort. Il sait pourquoi.",
        "Trois ans que tu m'as pourri la vie dans cette boîte. Maintenant je vais faire en sorte que t'en aies plus, de vie.",
        "On sait qui tu es. On sait où tu dors. On arrive.",
        "tu te crois à l'abri derrière ton écran ? j'ai ton ip et l'adresse de ta daronne",
        "Compte bien tes doigts ce soir {prenom}, demain t'en auras plus autant",
        "faut quoi, un coup de couteau dans le bide, pour que t'arrêtes d'écrire à ma meuf ?",
        "Tu seras le prochain qu'on repêche dans la Seine. J'y veillerai.",
    ], S, n=1, train_only=True),
    G("conditional_threat", DIRECT, [
        "Si je te recroise, personne retrouvera jamais le corps",
        "Un mot aux flics et ta boutique brûle avec toi dedans",
        "Retire ta plainte ou ta famille t'enterre avant l'audience",
        "Continue de parler de moi et je passe chez toi avec un bidon d'essence",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "{elu}, j'ai ton adresse perso et plus rien à perdre",
        "Alors {journaliste}, il se plaît dans sa nouvelle école ton fils ? Ce serait dommage.",
        "{candidat} croit que son service d'ordre va le sauver. Non.",
        "Le procureur qui a fait tomber mon frère verra pas son prochain anniversaire. J'y serai.",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "On va nettoyer {lieu} {groupe_de} ce week-end et on vient pas avec des pancartes",
        "Je serai devant {lieu} {quand} avec un chargeur plein. Tous {groupe} là-bas sont des cibles.",
        "Mon garage est plein d'engrais et je sais où se réunissent {groupe}",
    ], S, n=1, train_only=True),
    G("someone_should", CALL_IND, [
        "Qui se dévoue pour faire disparaître {elu} ? C'est pour toute la France.",
        "500 balles à celui qui casse les doigts de {journaliste} pour qu'elle puisse plus écrire",
        "RT jusqu'à ce que quelqu'un retrouve {prenom} et lui fasse payer dans le sang",
        "Y a bien quelqu'un dans ce bled qui a un fusil et une vue sur le perron de {elu}",
    ], S, n=1, train_only=True),
    G("call_to_action", CALL, [
        "#PendezLesTous en commençant par le conseil municipal, taguez vos élus",
        "À vos fourches. Leurs permanences ferment à 17h, passez-y avec {arme}.",
        "Chaque traître de cette liste mérite d'être sorti de chez lui et fusillé. Partagez la liste.",
        "Allez à {lieu} {quand}. Pas de pancartes. Ramenez {arme}. Laissez personne.",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_C, [
        "Ceux qui ont un camion : la marche {groupe_de} c'est {quand} sur le boulevard. Foncez dedans.",
        "Une prime pour chacun {groupe_de} de la ville. Mort ou vif, mort de préférence.",
    ], S, n=1, train_only=True),
]

# ----- 10e série : contextes (voisinage, route, collège, harcèlement d'une ex, racket, supporters,
# propriétaire, jeu en ligne), conséquences au passif (« on te retrouvera », « reconnu par tes
# dents »), posts longs où la menace arrive à la fin, tout en minuscules. Quart de test laissé
# de côté. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "Ton chien aboie encore une nuit et c'est pas au chien que je vais m'occuper, c'est à toi",
        "Recoupe-moi la route sur la rocade et je te suis jusque chez toi pour finir ça au cric",
        "tu t'es foutu de moi en sport. demain personne rigole dans ce vestiaire. toi en premier",
        "Je passe encore devant ton nouvel appart tous les soirs, {prenom}. Bientôt je m'arrête.",
        "les 2000 balles pour vendredi ou on te reconnaîtra à tes dents",
        "Remets ce maillot dans notre virage et tu sors du stade sur une civière",
        "Tu veux que je quitte l'appart ? Viens chercher les clés toi-même. Je t'attendrai avec le marteau.",
        "tu m'as signalé aux modos ? mignon. je serai devant ta porte avant la fin du ban",
        "On te retrouvera en morceaux, {prenom}. Plusieurs poubelles, plusieurs villes.",
        "On te retrouvera. Pas vivant, mais on te retrouvera.",
        "Personne t'entendra crier dans ton bureau au sous-sol",
        "dix ans que je supporte tes mensonges tes tromperies ta façon de parler à mes gosses et ce soir c'est fini tu te réveilleras pas",
        "sur mes enfants je te plante à la seconde où tu finis ton service teste pas",
        "On verra si tu fais toujours le malin avec la mâchoire cassée et sans rotules",
        "Ferme tes portes autant que tu veux, les fenêtres ça se casse",
    ], S, n=1, train_only=True),
    G("plan", PLAN, [
        "Je suis passé trois fois devant le collège aujourd'hui. Demain j'entre.",
        "Ce soir je règle l'histoire avec mon voisin pour de bon. La hache est derrière la porte.",
        "L'audience est à 10h. Mon ex et son avocat verront pas 11h.",
        "j'ai un plan pour toute l'équipe de maths et ça finit dans le sang lundi",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "Monsieur le conseiller, vous avez validé l'antenne à côté de chez moi. Moi je valide une balle à côté de votre oreille.",
        "{elu} a signé l'expulsion. Moi je signerai son acte de décès.",
        "Je serai au conseil municipal {quand}, {elu}, et un seul de nous deux en ressortira",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "Demain avec mes frères on fait saigner {groupe} de la cité",
        "J'ai fini de parler. {groupe} de {lieu} vont brûler, et c'est moi qui craquerai l'allumette.",
    ], S, n=1, train_only=True),
    G("call_to_action", CALL, [
        "Ceux qui habitent près de chez {elu} : c'est ce soir. Postez rien après.",
        "La justice le fera pas alors le peuple doit le faire. Pendez {candidat} et toute son équipe.",
        "Trouvez la voiture de l'arbitre après le match et faites qu'il rentre en ambulance",
    ], S, n=1, train_only=True),
    G("deserves_violence", CALL_IND, [
        "{elu} mérite d'être attaché à une chaise et tabassé jusqu'à ce qu'il s'excuse",
        "franchement {journaliste} mérite un coup de couteau pour cet article",
        "{prenom} mérite d'être traîné derrière une voiture, et j'espère que quelqu'un le fera",
    ], S, n=1, train_only=True),
]

# ----- 11e série : appels à la violence sous d'autres formes (impératif pluriel, infinitif,
# « faut que… », subjonctif, « à vous de jouer », listes, rimes et slogans), menaces en argot
# et verlan. Quart de test laissé de côté. -----
GROUPS += [
    G("call_to_action", CALL, [
        "Faut que ça saigne à {lieu} {quand}, faites passer",
        "Qu'ils paient. Dans leur chair. Allez-y.",
        "Aller chercher les élus chez eux et les sortir de force, voilà la seule solution",
        "À vous de jouer les gars. L'adresse est en bio.",
        "Un flic, une balle. Faites tourner.",
        "Le préfet habite à deux rues de la place. Ce soir, on verra qui a peur.",
        "Il faut casser du juge, y a plus que ça qui marche",
        "Faites-leur regretter d'être nés, à chacun de ces traîtres",
        "Si t'es un vrai, tu passes à l'acte {quand} {à lieu}",
        "Que chacun prenne {arme} et se poste devant {lieu} {quand}",
    ], S, n=1, train_only=True),
    G("someone_should", CALL_IND, [
        "Faut que quelqu'un aille lui défoncer la gueule, à {prenom}",
        "Qu'on me trouve quelqu'un pour planter {journaliste}, je paie",
        "Personne pour aller régler son cas à {elu} ? Vraiment personne ?",
        "Il mériterait qu'on lui règle son compte, {candidat}, et pas dans les urnes",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_C, [
        "Faut les sortir un par un, {groupe}, et les jeter dans le canal",
        "Prenez vos battes et allez accueillir {groupe} à la gare {quand}",
        "Qu'on les renvoie chez eux dans des sacs, {groupe}",
    ], S, n=1, train_only=True),
    G("direct_threat", DIRECT, [
        "j'vais te fumer la gueule sale bouffon, tu verras pas venir",
        "wesh {prenom} t'es cramé, mes reufs vont te tomber dessus",
        "on va te faire la misère jusqu'à ce que tu respires plus",
        "je vais te démarrer à la barre à mine, tu vas comprendre ta douleur",
        "tu vas finir au fond du lac avec un parpaing aux pieds",
        "t'inquiète on va t'attendre à la sortie, t'auras pas le temps de crier",
    ], S, n=1, train_only=True),
]

# ----- 14e série : euphémismes du locuteur (s'occuper de toi, régler ton cas, faire taire,
# effacer, donner une leçon, faire un exemple) et mots du deuil en menace (enterrement,
# couronne, assurance-vie, RIP d'avance). Quart de test laissé de côté. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "T'inquiète {prenom}, je vais m'occuper de toi personnellement. Définitivement.",
        "Je vais régler ton cas comme on règle celui des rats dans ma famille",
        "Toi et moi on règle ça ce soir, et un seul rentre chez lui",
        "Je vais te faire taire pour de bon, {prenom}, tu posteras plus depuis ta tombe",
        "Je vais t'effacer, toi et toute ta lignée",
        "Faut que quelqu'un te donne une leçon dont tu te relèveras pas. Devine qui s'est proposé.",
        "Je vais faire un exemple avec toi pour que plus personne au lycée me cherche",
        "J'espère que ton assurance-vie est à jour, {prenom}",
        "J'ai déjà commandé la couronne pour ton enterrement. Des lys, t'aurais aimé.",
        "RIP d'avance {prenom}. Vendredi.",
        "Choisis un beau costume, {prenom}, tu le porteras dans le cercueil",
        "Ta nécro est à moitié écrite. J'attends juste de mettre la date.",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "{elu}, quelqu'un va s'occuper de ton cas, et ce quelqu'un c'est moi",
        "{journaliste} va être réduite au silence. À ma façon, pas celle du tribunal.",
    ], S, n=1, train_only=True),
]

# ----- 15e série : menaces contre des gens au travail (médecins, infirmières, profs, arbitres,
# modérateurs, livreurs, caissiers), au passif (« tu vas le payer ») et en « avis public » dans un
# fil de commentaires. Quart de test laissé de côté. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "À l'infirmière qui a renvoyé mon père : tu vas le payer, je connais tes horaires",
        "Monsieur Garnier, vous avez fait redoubler mon fils. On se verra sur le parking après la réunion parents-profs.",
        "Hé le modo, ban-moi encore et je te retrouve en vrai. Ton pseudo c'est ton vrai nom, génie.",
        "Au livreur qui a balancé mon colis sous la pluie : j'ai le numéro de ta camionnette et une batte",
        "Le médecin des urgences qui m'a refusé l'ordonnance refusera plus grand-chose bientôt",
        "À la caissière du Carrefour : refais-moi ce sourire en coin et tu ramasses tes dents par terre",
        "Avis à celui qui a rayé ma voiture : j'ai la vidéo, je connais ta tête, et tu vas saigner",
        "Chaque prof qui m'a signalé va le regretter, à commencer par toi, {prenom}",
    ], S, n=1, train_only=True),
    G("plan", PLAN, [
        "L'arbitre de samedi habite à Villepinte. Ce soir on passe chez lui à trois avec des battes.",
        "La réunion parents-profs c'est jeudi. J'apporte un truc pour le proviseur, et c'est pas une lettre.",
    ], S, n=1, train_only=True),
]

# ----- 16e série : armes nommées sans verbe violent (calibre, kalash, opinel, acide), argot
# (« on passe chez toi », « on va te faire une visite »), menaces au milieu d'une tirade sans
# ponctuation. Quart de test laissé de côté. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "j'ai un calibre avec ton nom gravé dessus {prenom}",
        "moi et le calibre on passe dans ton quartier ce soir, reste chez toi si t'es malin. t'es pas malin",
        "on va te faire une petite visite après les cours {prenom}, dis au revoir à ta daronne",
        "De l'acide dans une bouteille, ta gueule, vendredi. Dors bien.",
        "l'opinel est aiguisé pour toi depuis mars",
        "la kalash est chargée, ton adresse est dans mon tel, à toi de jouer",
        "j'en ai marre de toi de tes mensonges de tes faux potes et je te jure la prochaine fois que je te vois à la salle tu ressors pas je suis sérieux",
        "continue de poster mes photos et je serai la dernière tête que tu verras sans rire",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "La kalash est chargée et {groupe} font leur fête samedi. Faites le calcul.",
    ], S, n=1, train_only=True),
]

# ----- 18e série (issue #3, session 3) : menaces voilées sans verbe violent (« ce serait
# dommage », « fais attention en rentrant », « compte tes jours »), conditionnelles (témoigner,
# voter, publier), avec heure et lieu, contre élus, journalistes, groupes et particuliers,
# appels déguisés (« les gens sauront quoi faire », « qui a le courage… »), orthographe SMS.
# Chaque tournure a son sosie inoffensif dans hard_negatives_fr.py (même série). Quart de test
# laissé de côté. -----
GROUPS += [
    G("veiled_threat", DIRECT, [
        "Tu devrais faire attention en rentrant le soir, {prenom}. L'escalier de ton immeuble est tellement mal éclairé.",
        "Ce serait dommage qu'il arrive quelque chose à ta petite boutique, {prenom}. Vraiment dommage.",
        "Je connais l'école de tes enfants. Je dis ça, je dis rien.",
        "Profite bien de tes genoux tant que tu les as encore, {prenom}.",
        "Compte tes jours, {prenom}. Il t'en reste moins que tu crois.",
        "La prochaine fois ce sera plus un avertissement, {prenom}. T'es prévenu.",
        "Regarde bien derrière toi en sortant du taf jeudi.",
        "Ta mère va beaucoup pleurer cette année. C'est tout ce que je dis.",
        "T'as de beaux enfants. Ce serait bête qu'un jour ils rentrent pas de l'école.",
        "On sait tous les deux comment ça va finir pour toi, {prenom}, et c'est pas joli.",
        "Change de trottoir quand tu me vois. La prochaine fois je serai pas seul.",
        "Ta voiture dort dehors, hein ? Les nuits sont longues et l'essence pas si chère.",
        "Un jour tu ouvriras un colis que t'aurais jamais dû ouvrir, {prenom}.",
        "T'auras plus besoin de ton abonnement de bus bientôt, {prenom}, crois-moi.",
        "Dis adieu à ta jolie petite gueule, elle sera plus pareille après samedi.",
        "tkt on sait ou t'habites, on passe ce soir et tu vas comprendre ta douleur",
        "ta vi é fini frero, profite de ta derniere semaine",
        "on va te fr la peau {prenom} tu px courir",
    ], S, n=1, train_only=True),
    G("conditional_threat", DIRECT, [
        "Si tu témoignes lundi, tu rentreras pas chez toi le soir, {prenom}.",
        "Un mot aux flics et ta sœur en paiera le prix.",
        "Si tu reviens dans le quartier on te ramasse à la petite cuillère.",
        "Porte plainte si tu veux, mais réfléchis d'abord à qui t'attendra à la sortie du commissariat.",
        "Bloque-moi encore une fois et je viens régler ça devant chez toi, pas en ligne.",
        "Tu rends l'argent avant vendredi ou c'est tes jambes qui rembourseront.",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "{elu}, votre adresse circule. Dormez avec un œil ouvert.",
        "Si le conseil vote ce projet, {elu} finira pas son mandat debout.",
        "Un article de plus sur moi et {journaliste} apprendra à écrire avec les dents.",
        "{elu}, on connaît le chemin de votre école maternelle. Celle de vos petits.",
        "Les journalistes de ce torchon devraient regarder sous leur voiture le matin.",
        "Sortie du tribunal {quand} : on attend {elu} avec des surprises, et pas des fleurs.",
        "Monsieur le juge, vous avez une belle maison à la campagne. Isolée. Ce serait dommage.",
    ], S, n=1, train_only=True),
    G("plan", PLAN, [
        "Jeudi 18h, parking du Leclerc. Il viendra seul, on sera cinq, et il repartira pas sur ses jambes.",
        "J'ai repéré ses horaires toute la semaine. Mardi il rentre à pied. Mardi c'est le jour.",
        "{elu} tient sa permanence {quand}. J'y serai, avec ce qu'il faut dans le sac.",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "{groupe}, profitez bien de votre fête samedi. C'est la dernière.",
        "On a les adresses {groupe_de} de tout le quartier. Bientôt vous saurez pourquoi.",
        "Le jour où ça bascule, {groupe} seront les premiers. On est prêts.",
    ], S, n=1, train_only=True),
    G("someone_should", CALL_IND, [
        "Ce serait bien que quelqu'un rende une petite visite à {elu} ce soir, je dis ça…",
        "Qui a le courage de passer devant chez {journaliste} ? Adresse en MP.",
        "Le premier qui coince {prenom} à la sortie du lycée aura ma reconnaissance éternelle.",
        "Voilà l'adresse de {prenom}. Les gens sauront quoi faire.",
        "Il reste des gens courageux dans ce pays ? {elu} rentre seul à pied tous les soirs.",
        "Partagez son visage partout. Qu'il puisse plus sortir de chez lui sans le regretter.",
    ], S, n=1, train_only=True),
    G("call_to_action", CALL, [
        "Rendez-vous {quand} devant {lieu}. Venez équipés, et pas pour discuter.",
        "Tout le monde devant {lieu} {quand}, on fait le ménage, vous m'avez compris.",
        "{quand}, {lieu}. Les gants, les capuches, le reste vous savez.",
        "Ils ont voté, maintenant à nous de voter avec nos poings. {lieu}, {quand}.",
        "rdv {lieu} {quand} ramenez de quoi faire mal, on leur laisse pas le choix",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_C, [
        "Nettoyez-moi ce quartier {groupe_de}, par tous les moyens nécessaires.",
        "Faut leur rendre la vie impossible à {groupe}, jusqu'à ce qu'ils partent ou qu'ils y restent.",
    ], S, n=1, train_only=True),
]

# ----- 19e série (issue #3, session 4) : menaces voilées par le sous-entendu (le temps qui
# passe, la famille, la santé, « on se reverra »), conditionnelles au futur et à l'impératif
# (« tu témoignes, tu disparais »), heure et lieu sans verbe violent, contre un élu, une
# journaliste, une militante, un prof, un groupe ; appels indirects (« il suffirait qu'un seul… »,
# « je ne dis pas ce qu'il faut faire, mais… »), orthographes déguisées et argot (« jvais
# t'allumer », « t3 f41r3 l4 p34u », « on va le caillasser »). Sosies inoffensifs dans
# hard_negatives_fr.py (même série). Quart de test laissé de côté. -----
S19 = dict(S)
S19.update({
    "militante": ["la militante de l'asso", "cette féministe de Twitter", "la porte-parole du collectif",
                  "le syndicaliste de l'usine", "la lanceuse d'alerte", "l'avocate des familles"],
    "prof": ["le prof de maths", "la CPE", "le proviseur", "la directrice de l'école", "le coach du club"],
    "jour": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
})
GROUPS += [
    G("veiled_threat", DIRECT, [
        "Tu dors bien en ce moment, {prenom} ? Profite, ça va pas durer.",
        "Les accidents de scooter, c'est tellement vite arrivé dans ta rue. Roule prudemment, hein.",
        "J'espère que t'as une bonne assurance vie, {prenom}. Pour ta mère, je veux dire.",
        "On se reverra, {prenom}. Et ce jour-là y aura pas de caméras.",
        "Dis à ta femme de pas t'attendre pour dîner {jour}.",
        "T'as encore tes deux bras pour écrire tes commentaires ? Profites-en.",
        "Ton fils rentre seul du foot le {jour} soir. Juste une remarque.",
        "Ça fait longtemps que personne t'a rendu visite, {prenom}. Ça va changer.",
        "Tu devrais acheter une deuxième serrure. Enfin, ça servira pas à grand-chose.",
        "Chaque soir je passe devant chez toi. Un soir je m'arrêterai.",
        "T'as vu le temps qu'il fait ? Idéal pour un petit feu de voiture. La tienne est grise, non ?",
        "Garde bien ton téléphone chargé {prenom}, t'en auras besoin pour appeler les secours",
        "jte conseille de changer d'adresse avant {jour}, c tout ce que jdis",
        "Les rues sont sombres dans ton lotissement. Personne entendrait rien.",
        "J'ai plus rien à perdre, toi t'as encore tout. Réfléchis à ça.",
    ], S19, n=1, train_only=True),
    G("conditional_threat", DIRECT, [
        "Tu témoignes, tu disparais. C'est aussi simple que ça.",
        "Encore un signalement sur ma page et je saurai où te trouver, {prenom}.",
        "Touche encore à mon frère et t'auras plus de dents pour sourire.",
        "Tu publies cette vidéo et je te jure que tu la regretteras depuis un lit d'hôpital.",
        "Si t'es pas parti du quartier à la fin du mois, on t'aidera à déménager. En morceaux.",
        "Vote contre nous au conseil, {elu_nom}, et ta façade brûlera avant les municipales.",
        "Fais-moi virer et je reviens avec de quoi faire parler de moi aux infos.",
        "si tu parles au juge t'es mort frr, on a des potes à Fleury",
    ], S19, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "{elu}, on sait à quelle heure vous quittez la permanence. On sera là {jour}.",
        "À {journaliste} : ton prochain reportage, tu le feras avec un plâtre.",
        "{militante} va apprendre à se taire, d'une façon ou d'une autre, et ce sera pas une pétition.",
        "{prof} a humilié ma fille. {jour}, devant l'établissement, on va régler ça d'homme à homme, avec mes cousins.",
        "Madame la maire, votre mandat se terminera plus tôt que prévu, et pas dans les urnes.",
        "On a retrouvé où dort {journaliste}. La prochaine fois on sonne pas.",
        "{elu_nom} aura le même sort que le dernier qui nous a trahis. Demandez autour de vous ce qui lui est arrivé.",
    ], S19, n=1, train_only=True),
    G("plan", PLAN, [
        "{jour} soir, fin du service, je l'attends derrière le restaurant. Il va comprendre.",
        "J'ai acheté ce qu'il fallait au magasin de bricolage. Ce week-end, l'ex va payer.",
        "Le plan c'est simple : on le coince à la sortie du vestiaire {jour} et personne l'aide.",
        "Demain 8h, arrêt de bus devant le collège. J'ai prévenu les grands. Il va en prendre plein la gueule.",
    ], S19, n=1, train_only=True),
    G("direct_threat", DIRECT, [
        "jvais t'allumer {prenom}, t'es un homme mort",
        "on va te caillasser ta caisse et toi avec si tu ressors",
        "t3 f41r3 l4 p34u c'est ma priorité de l'année",
        "je vais te faire manger le trottoir devant tes gosses",
        "Tu vas finir au fond du canal avec ton vélo, {prenom}.",
        "je vais t'ouvrir en deux comme un poulet, tu m'entends",
    ], S19, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "{groupe}, on connaît vos lieux de prière et vos horaires. Le jour venu, on viendra.",
        "On a des listes {groupe_de} de la ville. Quand ça partira, on commencera par les noms.",
        "Que {groupe} profitent de leur marché du dimanche, il sera plus jamais aussi calme.",
    ], S19, n=1, train_only=True),
    G("someone_should", CALL_IND, [
        "Il suffirait qu'un seul d'entre vous ait du cran pour que {journaliste} arrête d'écrire.",
        "Je dis pas ce qu'il faut faire. Je dis juste que {elu} rentre à pied et que la rue est sombre.",
        "Qui habite près de chez {militante} ? On a besoin de quelqu'un qui sait se faire comprendre.",
        "Franchement s'il arrivait un truc à {prof}, personne pleurerait. Je dis ça pour ceux qui ont des idées.",
        "Cherche volontaires pour expliquer la vie au voisin du 3e, gants fournis.",
    ], S19, n=1, train_only=True),
    G("call_to_action", CALL, [
        "{lieu}, {quand}. Cagoules obligatoires, on repart quand y a plus personne debout.",
        "On bloque les sorties de {lieu} {quand} et on les laisse pas passer. Par tous les moyens.",
        "Ramenez les bidons {quand} devant {lieu}. Pas pour laver les voitures.",
        "Mobilisation générale {quand} : chacun ramène une barre et un ami, {lieu}.",
        "Assez parlé. {quand}, on descend à {lieu} et on les sort un par un.",
    ], S19, n=1, train_only=True),
    G("group_threat", GROUP_C, [
        "Faut aller les chercher chez eux, {groupe}, immeuble par immeuble, jusqu'au dernier.",
        "Le jour où on aura le pouvoir, {groupe} on les met dans des camps, et cette fois on finit le travail.",
        "Chaque {jour} un rassemblement devant le foyer jusqu'à ce qu'ils aient tous trop peur pour rester. Et s'ils restent, on passe à la suite.",
    ], S19, n=1, train_only=True),
]

# ----- Round 20 (issue #3, session 5) : une nouvelle manche écrite de zéro, sans lire les règles.
# Partage par le hachage habituel (pas train_only) : environ un quart est mis de côté, et les
# lignes de test de la manche 20 seules donnent la mesure propre (data/seeds/rounds.py dit où
# commence chaque manche). Registres et tournures neuves : longs coups de gueule qui finissent
# par la menace, lettres formelles, SMS, argot, émojis, ultimatums, menaces déguisées en conseil,
# en pari, en prophétie, en compte à rebours. -----
R20 = {
    "perso": ["Loïc", "Samia", "Jordan", "Maëlle", "Anthony", "Nadia", "Florian", "Aurélie", "Karim",
              "Gwen", "Quentin", "Laetitia"],
    "officiel": ["le maire de Saint-Aubin", "la conseillère Ferrand", "le juge Marchetti",
                 "le préfet Aubry", "la députée Lemoine", "le commissaire Texier", "l'inspecteur du travail",
                 "le proviseur"],
    "reporter": ["la journaliste de France Bleu", "ce plumitif du Progrès", "le youtubeur qui nous a balancés",
                 "Julien Roche de Mediacités", "la pigiste de La Voix"],
    "endroit": ["le parking de l'Intermarché", "la mosquée de la rue des Lilas", "la synagogue de Sarcelles",
                "le local du Planning familial", "la salle des fêtes", "le foyer Adoma", "l'entrée du collège",
                "la place du marché", "l'aire des gens du voyage", "le bar LGBT du centre"],
    "moment": ["jeudi soir", "après la prière", "à 6h pile", "le 12", "ce week-end", "au début de la manif",
               "avant le conseil municipal", "dimanche après la messe"],
    "cible": ["les juifs", "les Comoriens", "les musulmans", "ces migrants", "les gouines", "les familles noires",
              "les Roms", "les trans"],
}

GROUPS += [
    G("direct_threat", DIRECT, [
        "J'ai perdu mon taf, ma meuf, mon appart, et toi {perso} tu viens te foutre de ma gueule en plus ? "
        "La prochaine fois que je te croise je te défonce la mâchoire.",
        "écoute bien {perso} : t'as jusqu'à dimanche pour rendre la caisse. Après j'arrête de demander et je commence à cogner.",
        "Madame, veuillez considérer ce message comme un dernier avertissement : à notre prochaine rencontre, vous repartirez sur un brancard.",
        "frr t'es cuit, je te choppe à la sortie du grec t'es mort 💀",
        "Prononce encore le prénom de mon fils sur internet et je t'envoie en réa moi-même.",
        "ton ordonnance d'éloignement c'est du papier. je serai dans ta cuisine avant que les flics trouvent leurs clés",
        "Profite bien de ton anniversaire {perso}, c'est le dernier. J'y veillerai personnellement.",
        "je vais te sortir de ta bagnole par les cheveux et t'éclater la tête sur le trottoir devant tes gosses",
        "Chaque fois que tu ris de moi j'ajoute un os à la liste de ceux que je vais te casser.",
        "Fini les avertissements. Ce soir je passe avec le pied-de-biche et tu vas ouvrir cette porte d'une manière ou d'une autre.",
        "je compte les jours avant de te voir crever {perso}. plus que 6",
        "🔪🔪 à très vite {perso} 🔪🔪 pas la peine de fermer à clé",
        "Je suis sorti le mois dernier et devine quel nom j'avais gravé sur le mur de ma cellule. J'arrive, {perso}.",
        "Vendredi tu ramasses tes dents sur le bitume, je te le promets.",
        "Franchement la prison je m'en fous. Tu m'as pris ma vie, je vais prendre la tienne.",
        "Je vais foutre le feu à ta baraque pendant que tu dors dedans et je regarderai depuis la pelouse.",
        "ta daronne va devoir prévoir un cercueil fermé quand j'aurai fini avec toi",
        "Continue de me sourire comme ça et je te refais le portrait à coups de rangers.",
        "C'est simple {perso}. Tu m'as enlevé ma fille, je t'enlève tout, à commencer par ta peau.",
        "wesh {perso} jte jure sur ma mère ce soir tu dors à l'hosto ou au cimetière, choisis",
    ], R20, n=2),
    G("conditional_threat", DIRECT, [
        "Tu viens témoigner mardi et tu ressors du tribunal en fauteuil.",
        "Si tu regardes encore ma sœur je te plante un couteau dans la main.",
        "Si la vidéo est pas supprimée dans une heure, {perso}, je débarque à ton boulot et je serai pas seul.",
        "Un mot aux RH et tu avales tes dents sur le parking.",
        "Encore une plainte à la mairie pour mes chiens et c'est à ta gorge qu'ils s'attaqueront, pas à la clôture.",
        "Soit tu quittes le village avant Noël, soit on t'en sort les pieds devant.",
        "Vas-y, appelle les flics. Ils arriveront pile pour te mettre dans la housse.",
        "Si la caution est pas sur mon compte lundi je te fracasse le crâne, {perso}.",
        "encore un post sur moi et tu te prends de l'acide dans la gueule jte jure",
        "Tu me quittes et je m'arrange pour que plus personne ne supporte de regarder ta figure.",
    ], R20, n=2),
    G("veiled_threat", DIRECT, [
        "C'est fou comme ta rue est calme après minuit. Il pourrait s'y passer n'importe quoi, personne n'entendrait.",
        "Le cours de danse de ta fille finit à 17h15, c'est ça ? Je dis ça comme ça.",
        "À ta place je ferais vérifier les freins. Les voitures, c'est tellement fragile.",
        "Il arrive des accidents aux gens trop bavards. Fais attention dans les escaliers, {perso}.",
        "Jolie photo de ta porte d'entrée en story. Le rouge lui va bien. À bientôt.",
        "L'hiver arrive, {perso}. Beaucoup de gens disparaissent l'hiver et on les retrouve au printemps.",
        "Pense à prendre une assurance décès, {perso}. Ta famille t'en remerciera plus tôt que tu crois.",
        "J'ai une pelle, un après-midi de libre et ton code postal. Fais le calcul.",
        "Quelqu'un comme toi devrait arrêter de promener son chien seul le long du canal la nuit.",
        "Continue de témoigner. Y a pas que les prisons qui ont de la mémoire. ⚰️",
    ], R20, n=2),
    G("plan", PLAN, [
        "Acheté la carabine aujourd'hui. Jeudi, tout le bureau va comprendre ce qu'ils m'ont fait.",
        "Dernier message. Ceux de l'usine qui se sont foutus de moi seront les premiers que je descends demain matin.",
        "J'ai l'engrais, j'ai la camionnette, j'ai la date. Le centre des impôts ouvrira pas lundi.",
        "Le plan est simple : j'attends le rush de midi sur {endroit} et j'ouvre le feu. Fini d'être invisible.",
        "Avec mon cousin on monte à {endroit} {moment} tabasser ce prêcheur jusqu'à ce qu'il la ferme.",
        "J'ai déjà dessiné le plan du lycée. Troisième heure, escalier ouest, personne ne sort.",
        "Je vais empoisonner le café de la réunion de vendredi. On verra qui rigole.",
        "Quand le verdict tombera je ferai regretter chaque juré, un par un. J'ai leurs noms.",
    ], R20, n=2),
    G("official_threat", DIRECT, [
        "{officiel}, vous avez signé l'expulsion. Signez maintenant votre testament, vous en aurez besoin avant la fin du mois.",
        "À l'attention de {officiel} : on sait à quelle salle de sport vous allez à 6h. Profitez de vos dernières séances.",
        "Encore une hausse des impôts locaux {officiel} ? Très bien. Le prochain conseil dont vous sortirez sera le dernier.",
        "Monsieur le juge, vous lui avez mis six mois pour ce qu'il a fait à mon fils. Vous, je vous en laisse beaucoup moins.",
        "Votez ce texte, {officiel}, et on vous enterre avec l'urne.",
    ], R20, n=2),
    G("official_threat", PLAN, [
        "{reporter} a écrit sur ma famille. J'ai trouvé où elle se gare. Elle écrira plus une ligne.",
        "Le journaliste qui a balancé le club va se prendre un pavé dans le crâne, pas juste dans la vitre.",
        "{officiel} croit que ses gardes du corps le protègent. Non. On est patients et on est armés.",
        "L'inspecteur qui a fait fermer mon resto va avoir de la visite. Il mangera à la paille après ça.",
    ], R20, n=2),
    G("group_threat", GROUP_T, [
        "On débarque à {endroit} {moment}. {cible} vont pas comprendre ce qui leur arrive, et cette fois on s'arrête pas aux vitres.",
        "Jusqu'au dernier, {cible} du quartier vont se faire cramer. On commence par l'épicerie du coin.",
        "J'en ai fini de parler de {cible}. Ce soir je m'en occupe, et y aura de l'essence.",
        "Chargeur plein et une liste d'adresses de {cible} de ma cité. Dormez bien ce soir mdr.",
        "{cible} se croient chez eux ici. Laissez-moi une semaine et y en aura moins qui respirent.",
    ], R20, n=2),
    G("group_threat", GROUP_TC, [
        "Les gars, {moment}, {endroit}. Ramenez les battes, on renvoie {cible} chez eux dans des boîtes.",
        "Qui est chaud ? On attend devant {endroit} {moment} et on apprend à {cible} ce qui leur arrive ici.",
    ], R20, n=2),
    G("group_threat", GROUP_C, [
        "Tout patriote qui a une voiture devrait foncer dans {cible} devant {endroit} {moment}.",
        "{cible} faudrait les aligner et les fusiller, tous, et ceux qui ont un fusil devraient commencer aujourd'hui.",
        "Des vrais hommes iraient à {endroit} s'assurer que {cible} s'y réunissent plus jamais. Le sang c'est le seul langage qu'ils comprennent.",
        "Un mec qui a plus rien à perdre devrait entrer dans {endroit} {moment}. {cible} y seront entassés.",
    ], R20, n=2),
    G("someone_should", CALL_IND, [
        "Je dis pas qu'il faut défoncer le crâne de {officiel}. Je dis juste que je témoignerais pas contre celui qui le fait.",
        "Vingt balles à celui qui taillade la gueule de {perso} à la soirée samedi.",
        "Quelqu'un habite près de {reporter} ? C'est pour un pote qui a une batte.",
        "Que quelqu'un rende service à la société et pousse {perso} sous le RER de 8h15.",
        "{officiel} mériterait de croiser un patriote avec un flingue. C'est pas une menace, c'est une prière.",
        "Le premier qui plante {perso} a ses consos offertes tout l'été, c'est moi qui paie.",
        "Je paie en liquide celui qui envoie {reporter} à l'hôpital. DM pour les détails.",
        "Ce serait un vrai service public si quelqu'un cramait la voiture de {officiel} avec lui dedans.",
    ], R20, n=2),
    G("call_to_action", CALL, [
        "{moment}, {endroit}. Cagoules, téléphones éteints. Personne de cette boîte ne reste debout.",
        "Laissez tomber les pétitions. Trouvez où habitent les élus et faites-les saigner pour ça.",
        "Tous ceux qui ont encore un fusil, rendez-vous à la préfecture {moment}, et servez-vous-en.",
        "Ils écoutent que les vitres cassées et les os cassés. Salle du conseil, {moment}.",
        "Faites tourner : le bureau du proprio, {moment}. On le brûle avec les dossiers et lui dedans.",
        "Arrêtez d'attendre la justice. Le juge rejoint sa voiture seul à 18h. Occupez-vous-en.",
        "Les grévistes, lâchez les pancartes et fracassez les jaunes. Portail du dépôt, {moment}.",
        "SMS à tous : direction {endroit} {moment}. Ramenez des jerricans. On bloque les portes de l'extérieur.",
    ], R20, n=2),
    G("question_call", CALL, [
        "Combien de fois on va laisser le maire nous mentir avant que quelqu'un lui mette une balle ?",
        "Pourquoi personne n'attend encore ce juge devant chez lui avec un fusil ?",
        "On attend quoi ? Les jaunes passent le piquet à 7h tous les matins, et les battes coûtent pas cher.",
    ], R20, n=2),
    G("deserves_violence", CALL_IND, [
        "{perso} mérite d'être traîné derrière un camion jusqu'à ce qu'il en reste rien.",
        "L'infirmière qui a laissé mourir mon père devrait être tabassée dans la rue comme la chienne qu'elle est.",
        "{reporter} a bien mérité une balle entre les deux yeux et j'espère que quelqu'un la lui livrera.",
        "Les gens comme {officiel} devraient pendre aux lampadaires devant leur bureau.",
    ], R20, n=2),
    G("death_to", CALL, [
        "Mort aux jaunes, mort aux patrons, on brûle le dépôt {moment} !",
        "Pendez les traîtres, chaque conseiller qui a voté pour !!!",
    ], R20, n=1),
    G("nonprotected_threat", PLAN, [
        "Les cyclistes de ma route, je les renverse tous à partir de maintenant. J'ai assez prévenu.",
        "Les proprios de cette ville vont commencer à être retrouvés morts, et ce sera grâce à moi.",
    ], R20, n=1),
    G("death_wish", WISH, [
        "J'espère sincèrement que tu te fais écraser par un bus en rentrant {perso}, le monde s'en porterait mieux.",
        "J'espère que ton avion s'écrase {perso}, personne te regrettera.",
    ], R20, n=1),
]

# Round 20, suite : des tournures propres au français (argot, verlan, registre soutenu, menaces
# au futur proche ou à l'impératif, "gare à", "tu vas voir"), sans équivalent dans la liste anglaise.
GROUPS += [
    G("direct_threat", DIRECT, [
        "Gare à toi {perso}, la prochaine fois c'est pas ma main que tu vas sentir, c'est la lame.",
        "On va te faire la peau, toi et ton clebs, et on prendra notre temps.",
        "t'inquiète je sais où tu crèches, la daronne elle va te chercher longtemps",
        "Je te le dis calmement : si je te recroise dans ce hall, tu ressors pas vivant.",
        "Je vous saurais gré de ne plus m'adresser la parole, faute de quoi je me verrai contraint de vous briser les genoux.",
        "vas-y continue à faire le malin, t'auras une balle dans le buffet avant la fin de l'été",
        "Tu vas voir ce que tu vas voir, {perso}. Samedi soir, toi et moi, et j'ai pas l'intention de te laisser repartir.",
        "jvai te niker ta race a la sortie du taf ce soir, prépare ta tombe",
    ], R20, n=2),
    G("veiled_threat", DIRECT, [
        "Tu sais ce qu'on dit : les balances finissent toujours dans la Seine. Bonne soirée {perso}.",
        "Ton gamin traverse seul au feu de la boulangerie tous les matins. Je m'inquiète pour lui, vraiment.",
        "J'ai gardé ton adresse, ton numéro et une photo de ta voiture. Pour l'instant.",
    ], R20, n=2),
    G("call_to_action", JOINT, [
        "Samedi on monte tous au campement, on vire les tentes et ceux qui sont dedans, à coups de barre s'il le faut.",
        "Ce soir on va rendre visite au patron à son domicile, chacun ramène de quoi se défendre et de quoi frapper.",
    ], R20, n=2),
    G("opinion_call", CALL, [
        "Pour moi la seule réponse à ce préfet c'est une bonne balle, et tant pis si ça choque.",
        "Franchement, le premier qui égorge ce violeur en cellule mérite une médaille.",
    ], R20, n=1),
]

# Round 20, second lot : menaces par des tiers (« mes frères », « les petits »), au passif
# (« on te retrouvera »), vengeance, supporters, route, école, famille, dettes, et appels qui
# livrent une cible (une voiture, des horaires, une photo) avec une échéance.
GROUPS += [
    G("direct_threat", DIRECT, [
        "Mes frères ont lu tes messages, {perso}. Eux ils répondent pas par message.",
        "On te retrouvera dans un fossé avec ton téléphone encore dans la main, voilà comment ça finit.",
        "Les petits sont en bas de chez ta mère. Décroche ou ils montent.",
        "Ce qu'on te paie pour arbitrer nos matchs couvrira pas le dentiste après samedi.",
        "Refais-moi une queue de poisson sur la rocade et je te suis jusque chez toi pour te passer à travers ton pare-brise.",
        "T'as fait pleurer mon fils devant toute la classe. À la sortie de l'école, la maîtresse. Viens avec un casque.",
        "J'ai payé ton avocat, ta voiture et tes mensonges. Maintenant je récupère, un doigt à la fois.",
        "{perso}, 40 000 avant le 1er ou on commence par les genoux et on remonte.",
        "Quand j'en aurai fini avec toi {perso}, il faudra tes empreintes dentaires pour que ta mère te reconnaisse.",
        "Je connais le code de ton immeuble, le nom de ton chat et de quel côté du lit tu dors. Fais de beaux rêves.",
        "Quitte le groupe si tu veux, ça change rien, je vais t'enterrer.",
        "Même plus énervé. Juste patient. Un soir tu marcheras vers ta voiture et je serai la dernière chose que tu verras.",
        "t'as balancé mon cousin donc tu vas te faire trouer, c'est tout",
        "Profite bien de l'audience pour la garde. Ce qui vient après, tu vas moins en profiter.",
    ], R20, n=2),
    G("conditional_threat", DIRECT, [
        "Publie les photos et ta rédaction reçoit tes doigts dans une enveloppe.",
        "Encore un de vos supporters dans notre virage et quelqu'un repart en ambulance. À toi de voir, {perso}.",
        "Vote la fermeture du service, {officiel}, et je m'arrangerai pour que t'en aies besoin.",
        "Porte plainte et on verra combien de temps tes gosses rentrent de l'école tranquilles.",
    ], R20, n=2),
    G("plan", PLAN, [
        "Demain au dépôt je ramène le fusil de mon père. Ceux de l'équipe du matin, désolé.",
        "Plus que trois jours avant l'audience. Il sortira pas de ce tribunal, je m'en charge.",
        "J'ai eu ses horaires par son collègue. Mercredi soir, parking, moi et un démonte-pneu.",
        "Lettre écrite, téléphone chargé pour filmer. La maison de quartier va avoir ce qu'elle mérite à 19h.",
    ], R20, n=2),
    G("someone_should", CALL_IND, [
        "Sa voiture, sa plaque, sa salle de sport. Faites-en ce que vous voulez, les gars.",
        "Photo de l'arbitre en PJ. Il habite à Carvin. Que quelqu'un s'assure qu'il siffle plus jamais.",
        "Celui qui trouve {perso} avant les flics, faites-lui mal.",
        "Personne pleurerait si la maison de {officiel} prenait feu cette nuit avec la famille dedans. Je dis ça.",
    ], R20, n=2),
    G("call_to_action", CALL, [
        "Ultimatum minuit. Si la direction le réintègre pas, on va chercher les cadres chez eux.",
        "RT si t'es prêt : {moment}, {endroit}, et cette fois les flics suffiront pas à les protéger.",
        "Arrêtez de pleurer sur internet. Montez une équipe, attendez le proprio à la sortie de la messe et cassez-lui les jambes.",
        "À tous les gars du groupe : les supporters adverses boivent au Balto {moment}. Tessons de bouteille pour tout le monde.",
    ], R20, n=2),
    G("group_threat", GROUP_C, [
        "La seule chose utile que {cible} pourraient faire c'est crever, et s'ils le font pas eux-mêmes faut les aider.",
        "Quelqu'un devrait fermer les portes de {endroit} {moment} pendant que {cible} sont dedans, et mettre le feu.",
    ], R20, n=2),
    G("group_threat", GROUP_T, [
        "On sait où {cible} prient et à quelle heure. La prochaine fois toute la rue va en entendre parler.",
        "Je ramène un bidon d'essence à {endroit} {moment}. {cible} vont voir ce que c'est un vrai accueil.",
    ], R20, n=2),
]

# Round 20, troisième lot : menaces en question et en « t'as intérêt », politesse moqueuse,
# fatalité au nom de Dieu, listes numérotées, la menace au milieu d'un long message, lieux de
# travail (urgences, modérateurs, éboueurs), appels en forme de bénévolat, de chasse ouverte,
# de camionnette, de cagnotte.
GROUPS += [
    G("direct_threat", DIRECT, [
        "Tu sais ce qui arrive aux gens qui mentent sur moi, {perso} ? Tu vas pas tarder à le savoir.",
        "T'as intérêt à avoir des yeux derrière la tête maintenant, parce que je vais arriver dans ton dos.",
        "Bien cordialement et à très bientôt, {perso}. Je serai celui avec le marteau.",
        "Dieu m'a dit que c'était toi. Moi je suis juste la main qui va t'ouvrir la gorge.",
        "À faire cette semaine : 1. lessive 2. dentiste 3. régler son compte à {perso} pour de bon 4. courses",
        "Bref le contrôle technique est raté, le chien est malade, et toi {perso} je te brise la nuque au prochain match. Sinon vous, ça va la semaine ?",
        "Au médecin des urgences qui a renvoyé ma femme chez elle : demain je suis dans ta salle d'attente, et c'est pas pour consulter.",
        "Bannis-moi encore, le modo. Je trouverai ton vrai nom et tu regretteras ton anonymat, juste avant que je te fasse mal.",
        "Renverse encore ma poubelle et c'est toi que je jette dans la benne à ordures, broyeur compris.",
        "Dors bien {perso}. C'est la dernière nuit que tu passes avec tous tes doigts.",
    ], R20, n=2),
    G("call_to_action", CALL, [
        "On cherche des bénévoles {moment} à {endroit}. Ramenez du lourd. La mairie va comprendre le message dans le sang.",
        "La chasse aux huissiers est ouverte dans cette ville. S'il en monte un dans votre allée, allumez-le.",
        "Ouverture de la chasse {moment}. Le gibier porte un uniforme de police. Faites passer.",
        "Quelqu'un a une camionnette et plus rien à perdre ? Le cortège du ministre passe dans la grande rue à 10h.",
        "Cagnotte pour les gars qui vont à {endroit} {moment} : essence, bouteilles, chiffons. Dons en MP.",
    ], R20, n=2),
    G("group_threat", GROUP_C, [
        "La chasse à {cible} est ouverte. Celui qui en croise un seul la nuit sait ce qu'il a à faire.",
        "Faites-le pour nos gosses : plus un seul de {cible} dans cette ville au printemps, peu importe comment.",
    ], R20, n=2),
    G("someone_should", CALL_IND, [
        "Vous croyez vraiment que quelqu'un regretterait {officiel} s'il tombait du haut du parking ? Allez-y.",
        "Un défi pour les courageux : le vélo de {reporter}, son trajet du soir, un fil tendu à hauteur du cou.",
    ], R20, n=2),
]

if __name__ == "__main__":
    from common import build
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    build("seed-fr-threat", "fr", GROUPS, os.path.join(here, "..", "threats_fr.jsonl"), seed=202)
