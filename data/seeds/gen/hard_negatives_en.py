"""English hard negatives: violent words, no threat and no incitement (synthetic, by the vigie team).

Idioms, sport, games, fiction, news reports, condemnation/quoting to denounce, negation,
tech/cooking/gardening, history, self-deprecation. None of these should be flagged
for violence_threat or incitement; hate is 0 unless stated.
"""

from common import Group as G, labels

CLEAN = labels(hate=0, vt=0, inc=0, har=0, tox=0)
SWEARY = labels(hate=0, vt=0, inc=0, har=0, tox=None)   # harmless but coarse: toxicity left open

S = {
    "team": ["the Sharks", "Leeds", "the Bruins", "PSG", "the Eagles", "our rivals", "Riverside High",
             "the Lakers", "Arsenal", "the away team"],
    "day": ["saturday", "tomorrow", "on sunday", "tonight", "next week", "friday"],
    "game": ["Elden Ring", "Dark Souls", "Fortnite", "CoD", "Valorant", "Minecraft", "Hades",
             "Baldur's Gate 3", "Apex", "Zelda"],
    "boss": ["the final boss", "Malenia", "the dragon", "that boss", "the raid boss", "the Ender Dragon"],
    "name": ["Kevin", "Sarah", "Marcus", "Jenna", "Tyler", "Priya", "Dylan", "Megan"],
    "city": ["Springfield", "Dayton", "Leeds", "Portland", "Bristol", "Tulsa", "Halifax", "Fresno"],
    "food": ["burger", "pizza", "plate of nachos", "curry", "steak", "bacon sandwich", "kebab"],
    "show": ["the new season of The Wire", "Breaking Bad", "that true crime doc", "Game of Thrones",
             "the Hitman movie", "Squid Game", "the new Bond film"],
}

GROUPS = [
    G("idiom", CLEAN, [
        "This traffic is killing me.", "my feet are killing me after that hike", "you're killing it!!",
        "You absolutely killed it on stage last night", "I could murder a {food} right now",
        "Kill the lights on your way out please", "killing time at the airport, flight delayed again",
        "that joke killed, the whole room was crying", "this heat is going to be the death of me",
        "I'm dead 💀💀", "im literally dead lmao", "I'm so dead, mum saw my report card",
        "my mom is going to kill me when she sees the car", "Dad's gonna murder me, I lost the keys again",
        "we killed two birds with one stone", "this diet is killing me slowly",
        "that outfit is to die for", "dressed to kill tonight 🔥", "This song slaps, absolute banger, it's murdering my speakers",
        "she shot me a look across the room", "he's a straight shooter, trust him", "bite the bullet and book the dentist",
        "we dodged a bullet with that landlord", "that presentation bombed hard", "the show totally bombed in the ratings",
        "this exam is going to destroy me", "I'm going to kill this interview tomorrow, wish me luck",
        "The suspense is killing me, just tell me!", "My boss will kill me if I'm late again lol",
        "these shoes are killer", "that's a killer recipe", "he's got a killer smile",
        "curiosity killed the cat", "it wouldn't kill you to call your mother", "don't shoot the messenger",
        "we're going to blow them away with this pitch", "my phone battery died", "the party was dead by 11",
        "I'll strangle the printer if it jams one more time", "ugh this wifi, I want to throw my laptop out the window",
        "i'd kill for a nap rn", "I would kill for your hair honestly", "that cheesecake was sinful, I'm in a food coma",
        "This playlist is fire", "your cooking slays", "Slay queen 👑", "we're gonna paint the town red",
        "break a leg tonight {name}!", "go knock 'em dead at the audition", "she knocked it out of the park",
        "you're a lifesaver, I owe you one", "that workout absolutely murdered my legs",
        "Monday mornings should be illegal, they are killing me", "I'm dying to see {show}",
        "Shoot, I forgot my wallet", "shoot me an email when you get a sec", "shoot me a text when you land",
        "Let's take a shot at the new design", "Mind if I take a stab at it?", "Kill your darlings — best writing advice ever",
        "the comedian was on fire, absolutely slaughtered the crowd", "he's been on a killing spree at the poker table",
        "hit me up later", "we smashed our sales target", "you're killing me with these puns",
        "I nearly died laughing", "the line at the DMV was murder", "That sunset? Stunning. I died.",
    ], S, n=1),
    G("sport", CLEAN, [
        "We're going to destroy {team} {day}", "we're gonna murder {team} {day}, no contest",
        "{team} got slaughtered 5-0", "absolutely demolished {team} last night",
        "Time to crush {team}. Let's go boys!", "we will bury {team} in their own stadium",
        "Our defense is going to kill their offense {day}", "he shot from 30 yards, what a goal",
        "The striker fired a bullet into the top corner", "knockout in round 3, he got destroyed",
        "He's a killer in the penalty box", "Headshot! Clean header into the net",
        "{team} are dead and buried after that loss", "we massacred them on the scoreboard",
        "Coach said we have to go out there and kill {day}", "tackle him hard, take him out of the play!",
        "the keeper got bodied on that corner lol", "their fans are gonna cry {day} when we smash them",
        "Gonna go to war on the pitch {day}", "this team has a killer instinct",
        "Sniper shot from the three point line, game over", "That fighter is lethal with his left hook",
        "Fight night! who's your pick, the champ's gonna get knocked out",
    ], S, n=2),
    G("game", CLEAN, [
        "I killed {boss} in {game} finally!!", "headshot from across the map in {game} 😎",
        "just got a 20-kill game in {game}", "bro I keep dying to {boss}, send help",
        "shoot the red barrels to kill them faster", "you have to stab him in the back for the stealth bonus",
        "Killed by a creeper AGAIN", "we wiped the whole squad, ace!", "camping with a sniper rifle is so boring",
        "nuked the enemy base in the last 10 seconds", "I'm gonna destroy you in {game} tonight {name}",
        "Just murdered {name} in Mario Kart with a blue shell", "get on {game}, let's go kill some zombies",
        "Who wants to get slaughtered at chess?", "Checkmate. Your king is dead.",
        "tip: you can burn the whole village in chapter 2 for extra XP",
        "my character got decapitated in the first cutscene lol", "the speedrunner killed the boss in 12 seconds",
        "we need a healer, our tank keeps dying", "I'll gank mid then we push", "killstreak reward: airstrike 💣",
        "spent 4 hours trying to kill {boss} in {game}", "Shoot first, ask questions later, that's my playstyle in {game}",
    ], S, n=2),
    G("fiction", CLEAN, [
        "In chapter 12 the detective finally realises the butler killed the countess",
        "the villain says 'I will kill you all' and then the lights go out, chills",
        "Just finished {show}. The scene where he shoots his brother wrecked me",
        "My novel's antagonist threatens to burn the city; is that too cliché?",
        "Writing prompt: a hitman is hired to kill himself", "Hamlet kills Polonius through a curtain, classic",
        "In Macbeth, he murders the king in his sleep", "the zombie apocalypse movie last night was gory af",
        "Horror movie marathon tonight: Scream, Halloween, The Shining", "{show} has the best death scenes",
        "Fan theory: the sister poisoned the king in season 3", "Agatha Christie killed off 10 characters in one book",
        "In the D&D session my bard got eaten by a dragon", "the line 'you're already dead' is iconic",
        "the movie opens with a bank robbery and two guards get shot", "Red Wedding still haunts me",
        "crime podcast episode 40: the man who poisoned his neighbours",
        "For my screenplay: 'Leave town or I'll put you in the ground,' the sheriff growls.",
        "Lyrics: 'I shot the sheriff, but I did not shoot the deputy'", "John Wick kills 77 people in the first film",
        "just read a thriller where the killer leaves poems at each crime scene",
        "In the play, the queen orders the prisoners executed at dawn",
    ], S, n=2),
    G("news", CLEAN, [
        "Police said the suspect threatened to shoot staff before he was arrested",
        "A man was charged on Tuesday with threatening to kill a {city} council member",
        "Two people were stabbed outside a bar in {city} overnight, police say",
        "The gunman killed three people before turning the weapon on himself, officials said",
        "Prosecutors say the defendant sent over 40 death threats to the judge",
        "BREAKING: shooting reported near {city} mall, avoid the area",
        "Judge sentenced the man to 8 years for plotting an attack on a synagogue",
        "The report documents a rise in threats against election workers",
        "{city} police investigating arson at a mosque; no injuries reported",
        "Court hears that the accused said he would 'burn the place down' in texts to his ex",
        "An estimated 500,000 people were killed in the Rwandan genocide",
        "Officer shot during traffic stop in {city} is in stable condition",
        "Authorities foiled a plot to kidnap the governor, FBI says",
        "Man arrested after online threats against a journalist, police confirm",
        "Stabbing at {city} high school leaves one student injured",
        "The suspect allegedly posted 'I'm going to shoot up the school' before being detained",
        "Jury finds woman guilty of murdering her husband with antifreeze",
        "Hate crime charges filed after attack on Muslim family in {city}",
        "The mayor received a letter saying 'you will hang' — police have opened an inquiry",
        "Death toll from the bombing rises to 23",
    ], S, n=2),
    G("condemnation", CLEAN, [
        "He told her he'd kill her. Please call the police if you see him.",
        "Someone wrote 'death to Jews' on the synagogue wall. This is disgusting and we stand with our neighbours.",
        "Threatening to kill a mayor is never acceptable, whatever you think of her policies",
        "Reported this account. 'You deserve a bullet' is not political speech, it's a threat.",
        "Getting messages like 'I know where you live' every day. Journalists shouldn't have to live like this.",
        "To whoever said the judge 'should be hanged': you are part of the problem.",
        "We condemn the calls to 'burn the mosque' in the strongest terms",
        "My ex keeps texting 'you're dead'. What do I do? Police said to keep screenshots",
        "Violence is never the answer. Please stop telling people to attack {name}.",
        "Posting 'kill all X' under a news article is a crime in many countries, people",
        "The threats against election workers are terrifying. Protect them.",
        "My sister got a DM saying 'I'll find you'. Reported it and blocked, but she's scared",
        "If someone online says they're going to shoot up a school, report it immediately",
        "'Someone should shoot him' is how violence starts. Don't say it, even as a joke.",
        "We won't be intimidated by people who write 'traitors will hang' on our office door",
        "Calling for people to be lined up and shot is vile, full stop",
        "Threatening teachers is not 'free speech'",
        "I got a death threat for a restaurant review. Internet, please be normal",
    ], S, n=1),
    G("negation", CLEAN, [
        "I would never hurt anyone.", "I'm not going to kill you, relax lol", "I'd never lay a hand on you, you know that",
        "Nobody is threatening you, we just disagree", "I don't want anyone to get hurt on saturday",
        "We are NOT going to attack anyone, this is a peaceful protest", "no one should ever be shot for their opinions",
        "I don't wish death on anyone, not even him", "Nobody deserves to be killed for a tweet",
        "I wouldn't hurt a fly", "Don't hurt him, he didn't mean it", "I'm not gonna fight you, walk away",
        "violence won't fix this, voting will", "we never meant to threaten anyone", "Let's keep it peaceful tomorrow please",
        "Please don't bring weapons to the march, it's a family event",
        "I'd never wish harm on his family", "No matter how angry I get, I'd never touch a gun",
    ], S, n=1),
    G("tech", CLEAN, [
        "Just kill the process with kill -9", "kill -9 the pid if it hangs", "You need to kill the zombie processes",
        "Terminate the child thread before exiting", "The daemon was killed by the OOM killer",
        "Abort the build and execute the script again", "git kill the branch? no, delete it with git branch -D",
        "Nuke node_modules and reinstall", "shoot me the logs and I'll take a look", "execute the payload in the sandbox",
        "The master process forks children and reaps dead ones", "blow away the cache and restart",
        "our server died at 3am again", "hit the kill switch on the deployment", "the test suite is killing my laptop",
        "We had to hang the job because of a deadlock", "Fire the webhook when the job finishes",
        "Target the x86 platform and execute", "the bug is a race condition, threads killing each other's locks",
        "Kill the session and log in again", "Trigger the alarm if the CPU spikes", "pkill the old worker before deploying",
    ], S, n=1),
    G("cooking_garden", CLEAN, [
        "Chop the onions, then slaughter... I mean slice, the tomatoes", "Beat the eggs until fluffy",
        "Kill the heat once the sauce thickens", "Butcher says hang the beef for 28 days",
        "Bring the water to a rolling boil and drown the pasta", "smash the garlic with the flat of the knife",
        "Cut down the old oak before winter", "We need to kill the weeds before they spread",
        "This spray kills 99.9% of germs", "Slugs destroyed my lettuce, any way to kill them humanely?",
        "Chop down the dead tree, it's leaning on the shed", "prune hard and burn the diseased branches",
        "the frost killed all my tomatoes", "Shoot the deer? No, just fence the garden",
        "Whip the cream, fold it in, then torch the sugar on top", "Stab the potatoes with a fork before baking",
        "Slaughterhouse tour was grim but educational", "we have to put the old dog down next week 😢",
        "Hunting season opens saturday, dad's taking me deer hunting",
        "Trap and kill the rats in the barn before they multiply",
    ], S, n=1),
    G("history", CLEAN, [
        "Caesar was stabbed 23 times on the Ides of March", "Lincoln was shot at Ford's Theatre in 1865",
        "Millions of Jews were murdered in the Holocaust. Never forget.", "The French revolutionaries executed the king in 1793",
        "Anne Boleyn was beheaded in 1536", "The Battle of the Somme killed over a million men",
        "Lynching terrorised Black Americans for decades; this museum documents it",
        "The atomic bombs killed over 100,000 people in Hiroshima and Nagasaki",
        "MLK was assassinated in Memphis in 1968", "Samurai would sometimes be ordered to kill themselves",
        "In 1572, thousands of Huguenots were massacred in Paris", "the Romans crucified thousands after the Spartacus revolt",
        "Studying the Rwandan genocide for class; how did neighbours turn on neighbours?",
        "The guillotine was used in France until 1977",
    ], S, n=1),
    G("self_deprecation", SWEARY, [
        "ugh I could kill myself for forgetting mum's birthday, I'm the worst", "I'm such an idiot, locked myself out again",
        "I want to die of embarrassment, I waved at someone who wasn't waving at me",
        "my cooking could kill a man lol", "shoot me, I have 3 meetings back to back",
        "kill me now, it's only tuesday", "I'm gonna murder my own diet with this cake",
        "my singing is a crime against humanity", "my code is a war crime but it works",
        "just shoot me if I ever wear crocs again", "my brain is fried, I'm dead inside",
    ], S, n=1),
    G("hyperbole_friendly", CLEAN, [
        "omg {name} I'm going to kill you for spoiling the finale 😂",
        "If you eat my leftovers again I'm gonna murder you lol",
        "{name} you're dead to me for liking pineapple pizza 😤😂",
        "I'll strangle you if you tell mum about the surprise party haha",
    ], S, n=2),
]

GROUPS += [
    G("reported_speech", CLEAN, [
        "My neighbour told the court her ex said 'I'll burn the house down'. He got a restraining order.",
        "The witness testified that the defendant shouted 'you're dead' before leaving",
        "In the 911 call she says he told her 'I'm going to kill you'", "Transcript: the caller claimed there was a bomb at {city} station; it was a hoax",
        "The teacher reported the student for writing 'I'll shoot you all' in his notebook; he's getting help",
        "According to the indictment, he wrote that the senator 'deserved a bullet'",
        "She screenshotted his texts ('you'll regret this') and took them to the police",
    ], S, n=1),
    G("politics_hyperbole", CLEAN, [
        "This bill will kill small businesses", "The new tax is murdering the middle class",
        "The senator torpedoed the deal", "Let's fight for fair wages!", "We will fight this decision in court",
        "The opposition is going to get crushed in November", "Vote them out. That's how we beat them.",
        "The mayor's plan is dead on arrival", "the budget cuts are gutting public schools",
        "Smash the patriarchy (with policy and education)", "we'll bury this proposal in committee",
        "The candidate took aim at her rival's record in the debate", "This policy is a bullet to the heart of the NHS",
        "Our campaign will storm the polls on election day", "The council axed the library funding",
    ], S, n=1),
    G("medical_science", CLEAN, [
        "The drug kills cancer cells without harming healthy tissue", "Antibiotics kill bacteria, not viruses",
        "Heat kills the virus at 60°C", "White blood cells attack and destroy invaders",
        "The killer whale hunted the seal for an hour", "Lions kill about 20% of the time they hunt",
        "Bleach kills mold but wear gloves", "the vaccine shot hurt less than I thought", "got my flu shot today 💉",
        "Apoptosis is programmed cell death", "Heart attacks kill more women than breast cancer",
    ], S, n=1),
    G("photo_music", CLEAN, [
        "I'm shooting a wedding in {city} on saturday", "We shot the whole music video in one take",
        "that guitar riff is killer", "the drummer absolutely murdered that solo",
        "Photoshoot tomorrow, shooting portraits at golden hour", "this album is a bomb, every track",
        "The band blew the roof off the place", "Shoot in RAW if you want to fix the exposure later",
        "my headshots for LinkedIn came out great", "She slayed that high note",
    ], S, n=1),
    G("security_threat_word", CLEAN, [
        "Our threat model assumes the attacker controls the network", "Climate change is the biggest threat to coastal cities",
        "The report lists ransomware as the top threat for hospitals", "Is AI a threat to translators' jobs?",
        "The panda is threatened by habitat loss", "invasive species threaten native birds",
        "Penetration testers attack the system with permission", "the malware kills antivirus processes on startup",
    ], S, n=1),
    G("debate", CLEAN, [
        "I think the death penalty should be abolished everywhere", "Is capital punishment ever justified? Discuss.",
        "The debate on gun control heated up after the shooting", "Should police carry guns in the UK?",
        "Self-defence laws differ a lot between states", "Historians still debate whether the bombing of Dresden was necessary",
        "Pacifism is the only moral position in war, change my view",
    ], S, n=1),
    G("idiom", CLEAN, [
        "Kill it with fire 😂 (the spider, I mean the spider)", "that spider needs to die, who's brave enough",
        "I'm going to murder this pile of laundry today", "gonna slaughter this to-do list",
        "Let's kill the meeting, it could have been an email", "we're killing the feature, not enough users",
        "you'll be the death of me, {name}", "if looks could kill...", "my plants are dying again, I'm cursed",
        "stop, you're killing me 😂😂", "The punchline destroyed me", "I was dying in that meeting, so boring",
        "this cold is killing me, send soup", "Rip my sleep schedule", "RIP my wallet after this sale",
        "Shoot your shot, ask her out", "He dropped a bombshell at dinner", "our team bombed the quiz night",
        "I'd die for this dog honestly", "my mom's lasagna is to die for",
    ], S, n=1),
]

S2 = dict(S, place=["city hall", "the courthouse", "the capitol", "the town square", "the park", "the library",
                    "the community centre", "the campus quad", "the mosque on 5th", "the synagogue on Elm"],
          time=["friday", "saturday at noon", "tomorrow at 6", "sunday morning", "monday", "next week"],
          official=["Mayor Dalton", "Senator Kraig", "Judge Whitmore", "the council", "the governor"])

GROUPS += [
    G("peaceful_call", CLEAN, [
        "Meet at {place} {time}, bring signs and water. Peaceful protest, families welcome.",
        "Everyone to {place} {time}! Bring banners, let's make {official} hear us",
        "Rally at {place} {time}. Wear red, bring your neighbours, vote in November",
        "Camping trip {time}: bring rope, tarps and a knife for the kindling",
        "Volunteers needed at {place} {time}, bring gloves and bin bags for the clean-up",
        "Vigil for the victims at {place} {time}. Bring candles.", "Call {official}'s office today and demand a vote on the bill",
        "Flood {official}'s inbox with letters, not threats. Template below.",
        "Let's storm the bake sale at {place} {time}, I'm bringing brownies",
        "Interfaith picnic at {place} {time}, bring a dish to share",
        "Strike tomorrow! Picket line at 7am, bring coffee and warm clothes",
        "Let's occupy {place} peacefully until the council listens",
    ], S2, n=2),
    G("history", CLEAN, [
        "The American Civil War killed around 620,000 soldiers", "Robespierre sent thousands to the guillotine before being executed himself",
        "The Bolsheviks executed the Romanov family in 1918", "In 1605 Guy Fawkes tried to blow up Parliament",
        "Kristallnacht: synagogues burned across Germany in November 1938", "The 1921 Tulsa massacre destroyed the Greenwood district",
        "Lynch mobs killed thousands of Black Americans between 1882 and 1968",
    ], S, n=1),
    G("fiction", CLEAN, [
        "The Purge is such a dumb premise but I love the movies", "rewatching The Godfather, the horse head scene still gets me",
        "In the book, the rebels plan to assassinate the emperor at the coronation", "Breaking Bad ep where Walt poisons the kid is so dark",
        "Kill Bill vol 2 > vol 1, fight me", "The Hunger Games is literally kids killing kids and we read it in 8th grade",
    ], S, n=1),
    G("tech", CLEAN, [
        "Purge the CDN cache after deploying", "Execute the migration, then kill the old pods",
        "sanitize and cleanse the input before you execute the query", "Fire-and-forget jobs get killed on timeout",
        "Shoot the stakeholders a quick update before the demo", "the old API is dead, long live v2",
    ], S, n=1),
    G("cooking_garden", CLEAN, [
        "Cleanse your face twice a day, not more", "juice cleanse day 3, I might die (not really)",
        "Smoke the brisket for 12 hours, then rest it", "Burn the stubble after harvest, check local rules first",
        "Hang the ham in a cool dry place for 6 months",
    ], S, n=1),
]

GROUPS += [
    G("news", CLEAN, [
        "A 34-year-old man from {city} was sentenced to five years on Thursday after sending messages to his former partner saying he would 'put her in the ground'. The judge said the threats had left the victim afraid to leave her home.",
        "Officials in {city} say threats against poll workers have tripled since the last election. Several county clerks described receiving emails saying they would be 'hanged for treason'. The state has set up a hotline for election staff.",
        "Police arrested a teenager on Monday after classmates reported an Instagram post in which he said he would shoot up the school. Investigators found no weapons at his home; he has been charged with making a terroristic threat.",
    ], S, n=1),
    G("condemnation", CLEAN, [
        "I'm a local councillor and this week I got a letter telling me I 'deserve a bullet' for voting on a bike lane. I've passed it to the police. I'm sharing it because people need to know this is what public service looks like now, and it has to stop.",
        "PSA for parents: if your kid tells you someone in their group chat said they'll 'bring a gun to school', don't dismiss it as a joke. Screenshot it and call the school and the police. Better a false alarm than a tragedy.",
        "To everyone replying 'someone should shoot him' under the news about the verdict: I get the anger, I really do, but that's how people actually get hurt. Report the judge to the bar, write to your rep, vote. Don't call for violence.",
    ], S, n=1),
    G("game", CLEAN, [
        "Finally beat {boss} after 67 tries. The trick is to bait the second phase attack, then roll twice and punish with a charged heavy. I literally screamed when she died, my neighbours probably think I murdered someone.",
        "Our raid group wiped 14 times on the last boss last night. We kept dying to the fire mechanic until {name} figured out the tank has to drag it to the corner. Killed it at 2am, best feeling ever.",
    ], S, n=1),
    G("sport", CLEAN, [
        "What a match. We were dead and buried at half time, two goals down, and then the sub comes on and absolutely murders their back line. Three goals in twenty minutes. I lost my voice. {team} never knew what hit them.",
    ], S, n=1),
    G("fiction", CLEAN, [
        "Book club pick this month is a thriller where the narrator confesses in chapter one that he killed his brother, and the rest of the book slowly shows you he's lying. Great twist, very dark, and the prose is gorgeous. Recommend.",
        "Working on my fantasy novel: the queen's assassin has three days to kill the usurper before the coronation, but she falls for his daughter. Is it too much of a cliché if the assassin ends up not killing anyone at all?",
    ], S, n=1),
    G("idiom", CLEAN, [
        "Honestly this week has been killing me. Two deadlines, a sick kid, the car died on the motorway and my boss wants the report by friday. If I survive till saturday I'm going to murder an entire pizza and sleep for twelve hours.",
        "My mom is going to kill me. I borrowed her car to go to {name}'s and I backed into a bin. It's a tiny scratch but she notices everything. Pray for me, if I'm not online tomorrow you know what happened 😭",
    ], S, n=1),
    G("negation", CLEAN, [
        "I know I was angry in the meeting yesterday and I said some things I regret. Just to be very clear: I would never hurt anyone, I was frustrated about the budget, not threatening anyone. Sorry to everyone who felt uncomfortable.",
    ], S, n=1),
]

GROUPS += [
    G("benign_someone_should", CLEAN, [
        "Someone should fix the streetlight on Oak st, it's been out for weeks", "somebody needs to shoot our wedding, the photographer cancelled 😭",
        "Someone should tell {name} his fly is down", "Somebody please take out the trash, it's been three days",
        "someone needs to teach me how to cook rice properly", "Someone should make a documentary about this town",
        "Someone should kill that noise, the fire alarm has been beeping all night", "Somebody needs to hit the brakes on this project",
        "Can someone just put this meeting out of its misery", "someone should knock some sense into the scheduling system",
    ], S, n=1),
    G("benign_deserves", CLEAN, [
        "{name} deserves a medal for putting up with us", "She deserves a raise, not a bullet point in the newsletter",
        "This painting should be hung in a museum", "That chef should be knighted", "Our goalie deserves a statue",
        "The nurses deserve so much better than this", "He should be locked in a room until he finishes the novel, it's that good",
        "This recipe deserves a Nobel prize",
    ], S, n=1),
    G("benign_death_to", CLEAN, [
        "Death to Mondays 😩", "death to spreadsheets", "Death to the semicolon!", "death to mosquitoes, every single one",
        "Death to small talk", "death to comic sans", "RIP to the printer, death to all printers",
    ], S, n=1),
    G("question", CLEAN, [
        "Why doesn't someone just fix the potholes?", "How many bullets points can one slide hold?", "When are we going to kill this zombie project?",
        "Who's going to shoot the first penalty?", "Is there anyone brave enough to try the ghost pepper wings?",
        "Wouldn't it be great if all the mosquitoes died?", "When do we start the bonfire?",
    ], S, n=1),
    G("idiom", CLEAN, [
        "killingit", "imdead", "lmaooo im dead", "ded 💀", "u killed it!!", "ur killing me lol", "dying rn 😂", "slayyy",
    ], S, n=1),
]

GROUPS += [
    G("idiom", CLEAN, [
        "that set was fire, you murdered it bro", "he's sick at ball, he kills everybody on the court", "she ate and left no crumbs",
        "we smashed the pub quiz, absolute scenes", "I'm knackered, this week's done me in", "that curry nearly killed me, 10/10",
        "bruv you're taking the mick, I'm dying 😂", "went to the gym, got absolutely destroyed by leg day",
    ], S, n=1),
]

GROUPS += [
    G("minimal_pair", CLEAN, [
        "I'm going to destroy your argument in the debate tomorrow", "I'll tear your essay apart in peer review, in a nice way",
        "I'm going to break your record at the marathon", "I'll bury you in paperwork if you keep submitting late lol",
        "you'll be picking your jaw up off the floor when you see the new kitchen", "I'm going to poison you with my cooking again tonight 😂",
        "my grandma will end your whole career at cards", "Gonna choke on this spicy ramen", "I'll drag you to the gym tomorrow whether you like it or not",
        "I'll throw you a surprise party you'll never forget", "I'm going to kill it at the show, come watch",
        "I'll knock you out with my new perfume 😍", "Watch your back, there's a wasp on your jacket!", "you're dead meat in the tournament, see you on the court 🏀",
        "I'm coming for your title, champ. See you in the final", "Your days are numbered, dear procrastination",
        "I will find you and I will... give you back the charger you forgot", "I know where you live, so I'm dropping off soup tonight 🍲",
    ], S, n=1),
]

GROUPS += [
    G("peaceful_call", CLEAN, [
        "Drag story hour at the library saturday 2pm! Bring the kids, bring snacks, all welcome 🌈",
        "Election workers are our neighbours. Bring them coffee on election day, they're working 16-hour shifts",
        "Pride parade saturday, meet at the fountain at 11, bring water and sunscreen", "Counter-protest at the library: bring signs, stay peaceful, don't engage",
        "The shul on Elm needs volunteers for Saturday morning security rota, sign up below", "Rally for abortion rights sunday at noon, march to the capitol",
    ], S, n=1),
]

GROUPS += [
    G("idiom", CLEAN, [
        "This revert war is killing the article, can we take it to the talk page?", "The mods absolutely destroyed that spam thread, thanks guys",
        "Your last edit murdered the formatting lol, fixed it", "Ref had a shocker, he killed the game with that red card",
        "this customer is going to be the death of me", "HR is going to kill me for this expense report 😅",
        "I'll find you on LinkedIn and endorse you for 'crushing it'", "Delete this thread before the boss sees it, it's embarrassing",
    ], S, n=1),
]

# ----- round 3: near misses of the new threat wordings (plans, veiled, "beyond kill") -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "heading to your place rn with pizza, open the door",
        "I'm outside your house, come down, the taxi's waiting", "I'm parked across from your office, come out when your shift ends and we'll grab lunch",
        "Your daughter walks home alone on Tuesdays? Our carpool has a free seat if you want", "Tell your kids you love them tonight, they grow up fast",
        "You won't see it coming, the surprise party is on saturday 🎉", "Enjoy the sunrise tomorrow, the forecast says it'll be stunning",
        "Check under your car before you leave, the cat likes to sleep there", "One more word about spoilers and I'm muting you for a week", "Show up at my door again with cookies and I might marry you",
        "If the verdict goes our way, drinks are on me", "If you don't pay me back by friday I'm telling your mum, simple as",
    ], S, n=1),
    G("news", CLEAN, [
        "A man was arrested outside the councillor's home with a rifle, police said", "The suspect had posted that he was 'on his way to the school' minutes before",
        "Court hears defendant told victim he would 'hang her from the tree in her yard'", "Police are treating the fire at the shop as arson",
        "Three people were hospitalised after a fight broke out in the parking lot", "Judge received letters threatening her family, the ministry confirmed",
    ], S, n=1),
    G("condemnation", CLEAN, [
        "People who post election workers' addresses are putting lives at risk. Stop.", "No, wishing cancer on someone is never ok, even if you disagree with them",
        "Calls to 'hunt down' journalists should get accounts banned, full stop",
    ], S, n=1),
    G("fiction", CLEAN, [
        "In chapter 12 the killer leaves a note: 'you won't see it coming'. Chills.", "The villain loads the shotgun and waits in the stairwell. Best scene of the season.",
        "My D&D rogue just stabbed the goblin king in the ribs, natural 20", ], S, n=1),
    G("hyperbole_friendly", CLEAN, [
        "I'm going to hurt you so bad at Mario Kart tonight", "you're getting destroyed in the pub quiz, prepare yourself",
        ], S, n=1),
    G("tech", CLEAN, [
        "Shoot the pod and let the deployment recreate it", "We need to hang the debugger on that thread before it dies", "Nuke the node_modules folder and reinstall",
    ], S, n=1),
]

# ----- round 4: harmless look-alikes of veiled threats and threats without a violent verb -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Nice little house on Birch Lane! Real shame it's off the market already.", "I'd start sleeping with earplugs if I were you, the neighbours are renovating",
        "You've got a lot to lose if you skip the exam review tomorrow", "Don't bother locking the door tonight, I'll be back by ten with the keys", "There won't be a second warning: the library closes at 8 sharp",
        "ur dead bro, you slept through the whole lecture 😂", "you're done, finished, congrats on submitting the thesis!!",
        "Tomorrow is the day. Everyone at the office will see my cake skills", "Call the cops if you see anyone near the car, it got broken into last week", ], S, n=1),
    G("reported_speech", CLEAN, [
        "He told her 'you won't see the end of the week' and she called the police. Good for her.",
        "The letter said 'there won't be a second warning'. We reported it and the account is gone.",
    ], S, n=1),
]

# ----- round 6: the same registers, harmless -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "gg ez, you got absolutely shot to pieces in that last round",
        "on my mama this burger is killer, you gotta slide thru", "The next cyclist who cuts me off gets a very stern bell ring", "Any landlord who fixes the heating this month gets a thank-you card from me",
    ], S, n=1),
]

# ----- round 8: harmless look-alikes of round 8's threats (surveillance and "accident" wording,
# outcomes, last posts, addresses, calls with time and place), more idioms and peaceful calls.
# Sentences hashing into the test quarter are left out. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Lovely wife you've got, {name}. Tell her the lemon cake was amazing.",
        "I know what time you leave work, so I'll pick you up at six",
        "Careful on the stairs in your building, they waxed them this morning",
        "Your kid's bus stop is by the woods, want me to walk them there this week?",
        "Everyone has a bad day eventually. Hope yours is over soon ❤️",
        "You're not walking away from this one, {name}. Quiz rematch, friday.",
        "Bought the cake today. Friday at the office, the ones who forgot my birthday get the smallest slices.",
        "Everything's in the trunk. Tomorrow the whole team goes camping.",
        "This is my last post for a while, going off-grid for a month",
        "Found out where the judges of the baking contest live, sending them thank-you cards",
        "Here's the mayor's office address. Write to her, politely, about the bus line.",
        "Make them afraid of losing the next election: vote, knock on doors, volunteer.",
        "Fill the streets saturday, bring signs and water, stay peaceful",
        "hope you like hospital food, your new job is in the hospital cafeteria lol",
        "Rifle's zeroed and the range opens at nine, see you at the club competition",
        "Pull up to the skatepark again and I'll finally teach you that kickflip",
        "When did you last check the brakes on your bike? The shop does it free this week",
        "Get a better lock for your bike, they stole three on our street last week",
        "Saw your car outside the daycare this morning, tell Mia I said hi!",
        "You'll be in a wheelchair by christmas if you keep skiing like that, slow down 😅",
        "Their names and addresses are in the pinned post: the winners of the raffle, congrats!",
        "We're all going to the lake saturday with the kayaks. Join us!",
        "Made my list. Three gifts for accounting, one for HR. Monday.",
        "Jerrycans are full, the generator's ready for the festival tonight",
        "you're a ghost, {name}. never answer your texts 🙄",
    ], S, n=1, train_only=True),
    G("idiom", CLEAN, [
        "this commute is going to be the death of me",
        "she absolutely slaughtered that audition",
        "my calves are killing me after leg day",
        "that stand-up set killed, I was crying",
        "he shot down every idea in the meeting before lunch",
        "we're getting crushed by the deadline this week",
        "the new manager is going to eat us alive in the review",
        "I'd murder a cup of tea right now",
    ], S, n=1, train_only=True),
    G("peaceful_call", CLEAN, [
        "Everyone to city hall friday at noon. Bring signs, not weapons.",
        "Let's flood the council meeting monday with questions about the budget",
        "Rise up and vote them out in November, every single one",
        "Meet at the courthouse steps at 9, we read the names of the victims, candles provided",
        "Grab your friends and go to the school board meeting, they need to hear from parents",
    ], S, n=1, train_only=True),
    G("condemnation", CLEAN, [
        "Posting someone's home address with 'do what you want' is incitement. Reported, and you should too.",
        "Police say the man who wrote that the mayor 'won't make it to monday' has been charged",
        "Telling a journalist you know where her kids go to school is a threat, whatever you call it",
    ], S, n=1, train_only=True),
]

# ----- round 9: look-alikes of round 9 (questions, third parties, emoji, things set in motion,
# relayed messages, hashtags), sport and game trash talk. Test-quarter sentences left out. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "How would you like a slice of the birthday cake, {name}?",
        "My cousins know your face now, they keep asking when you're coming back to visit",
        "The boys know which bar you drink at, {name}, they're coming for the quiz tonight",
        "🔪🔪🔪 chopping onions for the whole family, send help",
        "⚰️ my phone battery after one hour of that game",
        "I've already paid someone to fix your gutter, it's done, you're welcome",
        "Tell {name} he's a dead man in the fantasy league this week 😂",
        "We know who you are, secret Santa. We're coming for our presents.",
        "If I ever see you again I'm hugging you for an hour, miss you",
        "Drop the lawsuit, it's costing you more than the fence is worth, honestly",
        "Surely someone in that town owns a ladder and can get the cat off the porch",
        "Go to the town hall friday. Don't bring signs. Bring your questions about the school budget.",
        "#BringThemHome trending, keep it going for the hostages' families",
        "Who volunteers to make the coffee disappear before the meeting? 😅",
        "$50 to whoever finds my lost dog Biscuit, last seen near the park",
    ], S, n=1, train_only=True),
    G("sport", CLEAN, [
        "We're going to destroy {team} on {day}, it'll be a massacre",
        "our defence got absolutely murdered in the second half",
        "{team} are dead and buried after that third goal",
    ], S, n=1, train_only=True),
    G("game", CLEAN, [
        "camped the sniper spot for 20 minutes and headshot the whole lobby",
        "gonna hunt you down in {game} tonight, get ready to respawn a lot",
    ], S, n=1, train_only=True),
]

# ----- round 10: the same settings, harmless (neighbours, road, school, exes, debts, fans,
# landlords, games), violent words in news and reviews, long posts. Test quarter left out. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Your dog barks one more night and I'm bringing him treats so we can finally be friends",
        "Cut me off again on the A4 and I'm reporting your dashcam-worthy driving to the insurance, honestly",
        "pay me back the 20 quid by friday or no more pizza nights at mine",
        "Wear that shirt to the away end again and you'll get the best banter of your life",
        "You want me out of the flat? Fine, come collect the keys, I'll leave them with the neighbour",
        "They'll find you, {name}. The search party for the lost hiker is very good.",
        "Lock your doors, there's been a spate of parcel thefts on our road",
        "I drove past the school three times today looking for a parking spot. Nightmare.",
        "The hearing is at ten. Fingers crossed the judge rules for the tenants.",
        "I'll be at the townhall meeting friday and I'm asking about the potholes, finally",
        "Drove past your new place, it looks lovely! Housewarming soon?",
    ], S, n=1, train_only=True),
    G("news", CLEAN, [
        "Man charged after threatening to stab a neighbour over a barking dog, court hears",
        "The referee was attacked in the car park after the match; two men have been arrested",
        "A former employee has been convicted of sending death threats to his manager",
    ], S, n=1, train_only=True),
    G("fiction", CLEAN, [
        "In chapter twelve the killer finally leaves a note: 'you'll be found in pieces'. Chills.",
        "The villain's monologue about dental records is the best scene of the series",
    ], S, n=1, train_only=True),
]

# ----- round 11: peaceful calls and protest chants, slang without a threat. -----
GROUPS += [
    G("peaceful_call", CLEAN, [
        "Make some noise at city hall thursday, pass it on",
        "Your turn: sign the petition, link in bio",
        "Everyone outside the county building saturday at 2, silent vigil, white flowers",
        "If you're a real one you'll come help clean the beach sunday",
    ], S, n=1, train_only=True),
    G("idiom", CLEAN, [
        "yo you're cooked, everyone knows you ate the last yoghurt",
        "my brothers are pulling up on you to drag you to five-a-side sunday",
        "i'm getting destroyed in tomorrow's oral exam",
    ], S, n=1, train_only=True),
]

# ----- round 12: harmless conditionals and "I'm going to ... you" (family jokes, promises,
# board games), friendly "I saw you...". -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "If you don't finish your veg, no pudding, simple as that",
        "If you miss the train again I'll come pick you up, promise",
        "if you don't give my hoodie back by saturday im coming to get it myself lol",
        "Call after midnight again and I'm putting my mum on the phone, you've been warned",
        "I'm going to drown you in holiday photos, brace yourself",
        "gonna smother you with hugs when you get home",
        "I'm kidnapping you on saturday for your birthday, clear your day",
        "I'm going to bankrupt you at Monopoly tonight, hotels on Mayfair",
        "Saw your bike outside the library, where were you? We could've grabbed coffee",
        "I know your schedule by heart now, so we can finally book that dinner",
        "I know where you work, bringing you a croissant tomorrow morning",
        "You're going to suffer at tomorrow's session, coach has planned burpees",
        "Fair warning, spoil the ending and I'm sulking for a week",
        "Wait till I get you at ping pong, you won't know what hit you",
    ], S, n=1, train_only=True),
]

# ----- round 13: "X is going to kill me" — the speaker is the "victim" of an annoyed friend or
# relative or of a task (varied subjects and verbs). -----
GROUPS += [
    G("idiom", CLEAN, [
        "my flatmate is going to kill me, forgot the bins again",
        "My manager is going to murder me when she sees the deadline slipped",
        "my sister's going to strangle me, I stained her favourite dress",
        "The maths teacher is going to slaughter me, I didn't revise anything",
        "dad's gonna skin me alive when he sees the scratch on the car",
        "My wife will have my head, I forgot our anniversary",
        "My accountant is going to kill me when he sees this month's receipts",
        "My parents are gonna kill me, I missed the last bus",
        "if I miss another meeting my boss is literally going to murder me",
        "My physio is going to kill me, I went running after she told me to rest",
    ], S, n=1, train_only=True),
]

# ----- round 14: the same euphemisms and mourning words, harmless (care, chores, disputes
# settled, teachers, real funerals, insurance adverts). -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Don't worry {name}, I'll take care of you after the surgery, I've booked the week off",
        "I'll deal with the landlord about the boiler, leave it to me",
        "You and me will settle this tonight over a game of chess",
        "Time someone taught you to cook properly. Guess who volunteered 👩‍🍳",
        "The teacher made an example of my essay in class today, in a good way!",
        "Is your life insurance up to date? Compare quotes in two minutes",
        "Ordered the flowers for grandad's funeral. Lilies, he'd have liked them.",
        "Pick a nice suit, {name}, the wedding is black tie",
        "I'm going to erase the whiteboard and start the plan again",
        "I'll silence the group chat for a week, too many memes",
    ], S, n=1, train_only=True),
]

# ----- round 15: the same workplaces, harmless (thanks, complaints through proper channels,
# public notices about lost items). -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "To the nurse who looked after my dad on ward 6: you will never know how grateful we are",
        "Hey mod, thanks for unbanning me, I'll read the rules this time",
        "Dear delivery guy who left my parcel in the rain: please use the safe place next time, cheers",
        "To the cashier at the Main St store who found my wallet: you're a legend",
        "Public notice to whoever keyed my car: the CCTV has gone to the police, I'll let them handle it",
        "Every teacher who wrote me a reference is getting a thank-you card, starting with Mr Harlow",
        "The referee from saturday lives in Halton, my dad knows him, nicest bloke ever",
        "Parents' evening is thursday, I'm bringing cookies for the staff room",
    ], S, n=1, train_only=True),
]

# ----- round 16: weapon words in harmless posts (hunting, airsoft, museums, kitchen, chemistry),
# long harmless rants. -----
GROUPS += [
    G("minimal_pair", CLEAN, [
        "got a new 9mm airsoft pistol for the skirmish on sunday, can't wait",
        "Acid in a bottle, labelled, in the fume cupboard, friday's chemistry practical. Goggles on.",
        "the machete's been sharpened since march, ready for clearing the allotment",
        "AR-15 display at the museum of firearms history is worth the visit",
        "i am so sick of this landlord and the damp and the broken boiler and i swear the next time he ignores my email i am going straight to the council i mean it",
        "Hunting season opens saturday, rifle's cleaned and the permit's in the glovebox",
    ], S, n=1, train_only=True),
]

# ----- round 17 (issue #3): everyday time-and-place posts. The threat seeds' calls with a time
# and a place taught the model that "at <place> on <day>" is a threat; these are the ordinary
# meetups, school runs, shifts, markets, stations, matches and appointments that share those
# words. -----
EVERYDAY = {
    "place": ["school", "the station", "the market", "the office", "the gym", "the park", "the library",
              "the stadium", "the café on Mill Road", "the bus stop", "the cinema", "the pub", "work",
              "the train station", "the farmers market", "the community centre", "church", "the mall",
              "the swimming pool", "the airport", "the hospital", "the dentist", "uni", "the bakery",
              "the playground", "the town hall", "the rink", "the club", "Grandma's", "the beach"],
    "day": ["on monday", "on Monday", "on tuesday", "on Wednesday", "on thursday", "on Friday",
            "on saturday", "on Sunday", "tomorrow", "tonight", "this weekend", "next week",
            "on the 14th", "after lunch", "tomorrow morning", "friday night"],
    "time": ["at 6", "at half seven", "at noon", "at 8pm", "around 9", "at ten sharp", "at 5:30",
             "first thing", "at quarter past three", "by 7"],
    "name": ["Sam", "Priya", "Tom", "Jess", "Mo", "Katie", "Dan", "Aisha", "Luke", "Ellie", "Ravi", "Nina"],
}
GROUPS += [
    G("everyday", CLEAN, [
        "Can't wait to see you at {place} {day}",
        "can't wait to see you at {place} {day}!!",
        "I'll be at {place} {day}, come say hi",
        "I'll be at {place} {day} {time} if you want to grab a coffee",
        "see you at {place} {day}",
        "See you at {place} {day} {time} 👋",
        "see u at {place} {day} {name}",
        "Meet you at {place} {day}?",
        "Let's meet at {place} {day} {time}",
        "we'll be at {place} {day}, save us a seat",
        "I'm at {place} {day} anyway, I can drop the book off",
        "Who's going to be at {place} {day}?",
        "{name}, are you coming to {place} {day}?",
        "Pick me up from {place} {day} {time}?",
        "I'll wait for you at {place} {day} {time}",
        "I'll be waiting at {place} {day}, text me when you're close",
        "Don't forget, {place} {day} {time}!",
        "meet at {place} {day} {time}, bring snacks",
        "Meet at {place} {day}, bring your trainers",
        "We're all meeting at {place} {day} {time} for {name}'s birthday",
        "Reminder: parents' evening at school {day} {time}",
        "First day back at school {day}, uniforms are ironed",
        "the kids go back to school {day}, finally some peace",
        "See you all at school {day}, don't forget your PE kit",
        "I'm on the early shift at work {day}, back {time}",
        "Working from the office {day} if anyone wants lunch",
        "Back at work {day}, holiday went way too fast",
        "Market's on {day} {time}, the strawberries are back",
        "Getting veg at the market {day}, want anything?",
        "The farmers market moves to the square {day}",
        "Train gets in {time}, meet me at the station?",
        "I'll be at the station {day} {time} to pick up {name}",
        "Waiting at the station, train's delayed again 🙄",
        "Platform 4 {time}, see you there",
        "Match is {day} {time}, see you at the stadium",
        "We've got a home match {day}, come and cheer",
        "Five-a-side at the park {day} {time}, we need one more",
        "Dentist appointment {day} {time}, wish me luck",
        "Doctor's at {time} {day}, I'll be late for training",
        "Got my interview at the office {day} {time}, nervous!",
        "Haircut booked {day} {time}",
        "Book club meets at the library {day} {time}, new members welcome",
        "Choir practice at church {day} {time}",
        "Swimming lessons start at the pool {day}",
        "Flight lands {day} {time}, can you grab me from the airport?",
        "Visiting hours at the hospital are {time} {day}, I'll bring grapes",
        "Bake sale at school {day}, I'm doing brownies",
        "Quiz night at the pub {day} {time}, our team needs a name",
        "Movie {day}? There's a showing at the cinema {time}",
        "Open day at uni {day}, anyone else going?",
        "Car boot sale at the school field {day} {time}",
        "I'll be at {place} all day {day}, call me if you need me",
        "Running late, be at {place} in ten",
        "I'm outside {place}, where are you?",
        "Just got to {place}, it's packed",
        "Are we still on for {place} {day}?",
        "Still on for {day}? {place} {time}",
        "Can we move it to {day}? I'm stuck at work",
        "Lunch {day}? There's a new place near the station",
        "Walk in the park {day} if the rain stops?",
        "Going to the beach {day}, who's in?",
        "I'll be at Grandma's {day}, back {time}",
        "Wedding is at the town hall {day} {time}, dress code smart",
        "Polling station opens {time} {day}, don't forget to vote",
        "Blood donation session at the community centre {day}, booked my slot",
        "Volunteering at the food bank {day} {time}, come along",
        "Parkrun {day} {time}, see you at the start line",
        "Skating at the rink {day} with the kids, bring gloves",
        "Club night {day}, doors open {time}",
        "Meet me by the clock at the station {time}",
        "Carpool to work {day}? I'll be at yours {time}",
        "I'll be there {day} {time}, save me a spot",
        "{name} and I will be at {place} {day}, join us",
        "I know where you'll be {day}: at {place} with the rest of us, cheering!",
        "You'll find me at {place} {day}, same as every week",
        "Everyone at {place} {day}, it's {name}'s leaving do",
        "Class trip {day}, meet at school {time}",
        "School run {day} is on me",
        "Drop-off at school {time} then I'm free",
        "Pick-up from school {day} is at {time}",
        "Stall at the market {day}, handmade candles, come and see",
        "Cheap flowers at the market {day} if you get there early",
        "Station car park is closed {day}, park at the gym",
        "Trains are replaced by buses {day}, leave early",
        "Kick-off {time} {day}, we're all in the stand behind the goal",
        "Season tickets arrived, see you at the stadium {day}",
        "Appointment at the bank {day} {time}, then coffee?",
        "Vet {day} {time} for the cat's jabs",
        "Meeting {name} at {place} {time} to go over the plan for the party",
        "The plan for {day}: {place} {time}, then dinner",
        "Be at {place} {time} {day}. Don't be late, the tour starts on time",
        "Tomorrow, the station, 7am. Bring your passport and your walking boots",
        "Target practice at the archery club {day} {time}, newbies welcome",
        "We're all going to be there {day}, it's going to be huge",
        "I'll be waiting for you after school {day}, we're going for ice cream",
        "Wait for me outside work {day}, I finish {time}",
        "I'll find you at {place} {day}, I'll be the one with the balloons",
        "Gathering at {place} {day} {time}. Wear something warm",
    ], EVERYDAY, n=4, train_only=True),
]

# ----- Round 18 (issue #3, session 3): harmless twins of round 18's veiled threats in
# threats_en.py: same wordings, ordinary meaning. Test quarter left out. -----
S18 = {
    "name": ["Kevin", "Sarah", "Marcus", "Jenna", "Tyler", "Priya", "Dylan", "Megan", "Olivia",
             "Derek", "Hannah", "Jamal"],
    "official": ["the mayor", "Councilman Ortega", "Mayor Dalton", "the school board president"],
    "place": ["the library", "the gym", "the community center", "the park", "the station",
              "the church hall", "campus"],
    "time": ["saturday at 2", "tomorrow", "tonight", "monday morning", "sunday", "at 6pm"],
}
GROUPS += [
    G("minimal_pair", CLEAN, [
        "You should be careful walking home tonight, {name}, the bridge is all ice.",
        "Would be a shame if something happened to your shop during the roadworks, get insurance.",
        "I know which school your kids go to, I did my teacher training there!",
        "Enjoy your holidays while you still have them, {name}.",
        "Count your vacation days, {name}, you have loads left before december.",
        "Watch behind you when you back out of the garage thursday, there's a low post.",
        "Your mom is going to cry a lot at the wedding, she cried at the fittings already.",
        "Nice kids you've got. Do they walk home from school on their own now?",
        "Your car sleeps outside? Put a cover on it, it's freezing tonight.",
        "One day you'll open a package that makes you cry... happy tears. Be patient!",
        "Say goodbye to that old haircut, the stylist is waiting for you saturday!",
        "u wont need ur bus pass much longer {name}, the car is fixed!!",
        "ur life is over bro, you're a dad now 😂 congrats",
    ], S18, n=1, train_only=True),
    G("minimal_pair", CLEAN, [
        "Testify on monday and I'll be right there in court with you, {name}.",
        "One word to the cops and they'll help you find your bike, they're nice here.",
        "File the report, and call me when you leave the station, I'll wait for you.",
        "Return the books by friday or the library freezes your card.",
        "If the council passes this, {official} has kept a campaign promise.",
        "{official}, your email is going around the parents' group, expect questions!",
        "Block out friday evening, we're settling the bill at the restaurant.",
    ], S18, n=1, train_only=True),
    G("peaceful_call", CLEAN, [
        "Anyone free to swing by {name}'s place tonight? She needs help moving, address in DMs.",
        "Share her dog's photo everywhere, he's been missing since tuesday.",
        "Here's the party address. People will know where to park.",
        "{time}, outside {place}. Bring gloves and bin bags, we're cleaning up the neighbourhood.",
        "Everyone at {place} {time}, spring cleaning of the club house.",
        "They voted, now it's our turn to vote. Polling station at {place}, {time}.",
        "Anyone brave enough for the charity dip in the lake? {time}, meet at {place}.",
    ], S18, n=1, train_only=True),
]

# ----- Round 20 (issue #3, session 5): fresh held-back round, written from scratch without
# looking at the rules, split by the usual hash rule (data/seeds/rounds.py). Twins of round 20's
# threats in the same words (stretchers, brake lines, countdowns, shovels, crowbars, "see you
# soon"), and idioms, sport, games, fiction, news, condemnation, cooking, tech, everyday meetups. -----
R20 = {
    "person": ["Nolan", "Tamsin", "Reggie", "Farah", "Owen", "Bianca", "Rhys", "Keisha", "Declan", "Mei"],
    "spot": ["the Westfield car park", "the food bank on Carter Rd", "Elm Park", "the library steps",
             "the bus depot", "the Unitarian hall", "the fountain", "the community centre"],
    "when": ["thursday night", "at 6 sharp", "on the 12th", "this weekend", "sunday after lunch",
             "before the council vote", "straight after work"],
}

GROUPS += [
    G("minimal_pair", CLEAN, [
        "Next time I see you {person} I'm breaking out the good wine, it's been way too long.",
        "You have until sunday to give the car back, the insurance only covers you till then.",
        "Formal notice to all tenants: the lift will be out of service until friday, please use the stairs.",
        "When we next meet you'll leave with a full stomach, my nan is cooking for twelve.",
        "Counting down the days until I see you at the airport {person}. 6 left!!",
        "🔪🔪 knife skills class tonight {person}, don't forget your apron 🔪🔪",
        "I'd get that brake line checked if I were you, the garage said the rear pads are nearly gone.",
        "Lovely photo of your front door on your story, what paint is that red? Need it for ours.",
        "I've got a shovel, a free afternoon and your postcode, so yes I can help you dig out the pond.",
        "Bought the rifle today for the clay pigeon season, can't wait for thursday at the club.",
        "Already drew the map of the school for the open day, west stairs lead to the science labs.",
        "Tonight I'm coming round with the crowbar, those floorboards aren't going to lift themselves.",
        "You'll be picking confetti out of your hair until friday, I promise you that.",
        "Go ahead, call the police about the parking, they'll just tell you to ring the council.",
        "If the deposit isn't back by monday I'm taking the landlord to the small claims court.",
        "Accidents happen, {person}, don't beat yourself up about the scratch on the car.",
        "Winter's coming, so get your boiler serviced before the first frost.",
        "Your daughter's ballet class ends at 5:15, right? I can pick both girls up if that helps.",
        "Pack a bag {person}, we're leaving for the coast in an hour!",
        "Snitches end up in the river is honestly the dumbest line in that film.",
        "Whoever finishes the puzzle first gets free drinks all summer, on me.",
        "Tenner to whoever can get {person} to sing karaoke at the party saturday.",
    ], R20, n=2),
    G("peaceful_call", CLEAN, [
        "{when}, {spot}. Bring gloves and bin bags, we're clearing the canal path.",
        "Everybody to {spot} {when}: candles, flowers, and a minute of silence for Aisha.",
        "Forget petitions, find out when the councillors hold surgeries and go talk to them in person.",
        "Strikers: depot gates {when}, flasks of tea and loud voices, nothing else.",
        "Masks on for the flu clinic at {spot} {when}, and please bring your NHS number.",
        "Pass it on: blood drive at {spot} {when}, they need O negative badly.",
    ], R20, n=2),
    G("idiom", SWEARY, [
        "This spreadsheet is going to be the death of me, I swear.",
        "My feet are absolutely killing me after that shift.",
        "He murdered that karaoke song, in the best way possible.",
        "I'd kill for a cup of tea right now.",
        "Mum's going to skin me alive when she sees the carpet.",
        "That comedian absolutely slayed, I was crying.",
        "We got slaughtered in the pub quiz again, last place.",
        "Shoot me a text when you land.",
    ], R20, n=1),
    G("sport", CLEAN, [
        "We're going to destroy them on saturday, our midfield is on fire this season.",
        "That striker shot the keeper dead with a fake, unreal goal.",
        "Knockout in the second round, he never saw the uppercut coming.",
        "Their defence got butchered in the first half, 4-0 at the break.",
    ], R20, n=1),
    G("game", CLEAN, [
        "gg ez, headshot from across the map, that sniper is broken",
        "Stabbed him in the back on the last ring and took the win lol",
        "Finally killed the dragon after 40 tries, my hands are shaking.",
        "My village got burned down by raiders again, time to rebuild the walls.",
    ], R20, n=1),
    G("fiction", CLEAN, [
        "In chapter 9 the detective finds the crowbar under the floorboards and realises the brother did it.",
        "The villain's line 'your daughter's ballet class ends at 5:15' is genuinely chilling, great writing.",
        "Writing a thriller where the hitman leaves a shovel on the victim's porch as a warning. Too much?",
        "Season finale: she burns the whole house down with him inside. I screamed.",
    ], R20, n=1),
    G("news", CLEAN, [
        "Man jailed for eight years after threatening to burn down his neighbour's house while the family slept.",
        "Police arrest two men after messages threatening a journalist from the Ledger were traced to a phone shop.",
        "Councillor receives death threats after eviction vote; the party calls for calm.",
        "Court hears the accused wrote 'counting down the days' before attacking his ex-partner.",
        "A crowbar and a petrol can were found in the suspect's van, police confirmed.",
    ], R20, n=1),
    G("condemnation", CLEAN, [
        "Somebody wrote 'you'll be buried with the ballot box' under the councillor's post. This is not politics, it's a crime. Reported.",
        "Sending 'I know your IP and your address' to a 14 year old over a game is not banter. Ban these people.",
        "Threatening nurses because a relative died is vile, whatever your grief. Stand with our NHS staff.",
        "Nobody deserves acid in the face for a post. Nobody. I'm sick of seeing these comments.",
    ], R20, n=1),
    G("cooking_garden", CLEAN, [
        "Crush the garlic with the side of the knife, then slice the chillies finely.",
        "Beat the eggs until stiff, then fold them in gently or you'll kill the air.",
        "Hack back the brambles now or they'll strangle the roses by june.",
        "Bury the bulbs about three inches deep and leave them until spring.",
    ], R20, n=1),
    G("tech", CLEAN, [
        "Kill the container, purge the volume and rebuild, that fixed it for me.",
        "The cron job nukes the temp folder every night at 6 sharp.",
        "Our load test hammered the API until it died at about 9k requests a second.",
        "Just shoot the logs over to me and I'll take a look after standup.",
    ], R20, n=1),
    G("everyday", CLEAN, [
        "See you {when} at {spot} {person}, I'll be the one with the pram.",
        "I'll be outside {spot} {when}, ring me if you can't find me.",
        "Parents' evening is {when}, meet at the school gates and we'll go in together.",
        "Market's moved to {spot} {when} because of the roadworks.",
    ], R20, n=2),
]

# Round 20, continued: more look-alikes in other registers (officials and journalists named in
# harmless posts, emoji, slang, long posts that end on a violent word used harmlessly).
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Dear Councillor Pryce, consider this our formal notice: the residents' association will attend the next meeting.",
        "To the Ledger's crime reporter: we know which gym you use at 6am because you wrote about it, brilliant column.",
        "Judge Okafor retires next month after 30 years, her last ruling was on the housing case.",
        "Mayor Lindqvist, you signed the cycle lane order, now come and ride it with us on sunday!",
        "Long week, broken boiler, landlord ignoring me, boss in a mood, and then my cat knocked my coffee over. I'm going to scream into a pillow.",
        "opp spotted on the pitch, we're sliding into the semi-final tonight lads ⚽",
        "bro ur actually cooked, that exam was brutal, go sleep 💀",
        "Mark my words {person}, before the year's out you'll be running that marathon.",
        "Bet you won't be so mouthy after three pints of water and a jog, find out saturday.",
        "Gonna drag you out of bed at 6 for the sunrise hike, no excuses {person}!",
        "Your boy crosses at the bakery lights on his own now? Mine's started too, they grow up fast.",
    ], R20, n=2),
    G("reported_speech", CLEAN, [
        "My neighbour told me 'I'll burn your hedge down if it grows over again'. He meant he'd trim it himself, to be fair.",
        "The coach shouted 'kill the clock!' and we just passed it around the back for two minutes.",
        "Grandad's favourite threat was 'I'll tan your hide', he never laid a finger on any of us.",
    ], R20, n=1),
    G("history", CLEAN, [
        "The strikers at the depot in 1984 were beaten by mounted police; the union still marks the day.",
        "Lynchings were announced in newspapers in advance; the museum shows some of those pages.",
    ], R20, n=1),
    G("self_deprecation", SWEARY, [
        "If I eat one more biscuit I'm going to have to be carried out of here on a stretcher.",
        "My plants are going to die again because I forget they exist, I am a menace to greenery.",
    ], R20, n=1),
]

# Round 20, second batch: twins of the second batch of threats (brothers, the lads, refs, the
# ring road, pickup, debts, dental records, building codes) and more news and condemnation.
GROUPS += [
    G("minimal_pair", CLEAN, [
        "My brothers have seen your messages {person}, they say happy birthday and they're sorry they missed the party.",
        "The lads are outside your mum's with the van, pick up the phone so we know which sofa.",
        "Whatever they pay you to ref our games it's not enough, honestly, thanks for giving up your saturdays.",
        "See you at pickup, Miss! He's been talking about the class play all week.",
        "40 quid by the 1st for the stag do please lads, or you're not coming.",
        "I know the code to your building and the name of your cat, so yes I'll feed him while you're away.",
        "Not even mad anymore, just patient. The bus will come eventually.",
        "Got his shift pattern off his mate so we can plan the surprise party for wednesday night.",
        "That's his car, that's his reg, he left the lights on in the gym car park, can someone tell him?",
        "Photo of the ref attached, he's retiring after 30 years and the club is doing a collection.",
        "Deadline is midnight for the raffle tickets, draw is tomorrow at the Crown.",
        "Whoever gets to {person} first, tell her the keys are under the mat.",
    ], R20, n=2),
    G("news", CLEAN, [
        "Teacher threatened at the school gates by a parent; the man was cautioned and banned from the site.",
        "Debt collector jailed after telling a man he would 'start with your knees'.",
        "Referees' union says abuse and threats to officials at grassroots games have doubled in five years.",
        "Woman found safe after three days; police had feared she had come to harm.",
    ], R20, n=1),
    G("condemnation", CLEAN, [
        "Posting a referee's photo and address with 'make sure he never whistles again' is incitement, full stop. Reported to the FA.",
        "'We know where they pray' under a post about the mosque. Police have the screenshot. This town is better than that.",
        "Threatening a teacher over a class play is insane. Support your school staff.",
    ], R20, n=1),
    G("idiom", SWEARY, [
        "This commute will be the end of me, I'm telling you.",
        "He got absolutely roasted in the group chat for that haircut.",
        "Dead tired, going to bed before I fall over.",
        "That exam paper was murder, question 4 especially.",
    ], R20, n=1),
]

# Round 20, third batch: twins of the third batch (questions, "you'd better", lists, hammers,
# A&E, mods, bins, open season, hunting, vans, collections).
GROUPS += [
    G("minimal_pair", CLEAN, [
        "Do you know what happens to people who skip leg day, {person}? You're about to find out on these stairs.",
        "You'd better have eyes in the back of your head with twins, honestly.",
        "Kind regards and see you soon, {person}. I'll be the one holding the balloons.",
        "Things to do this week: 1. laundry 2. dentist 3. call {person} 4. groceries",
        "To the A&E doctor who stitched my son's chin: thank you, you were amazing at 3am.",
        "Volunteers needed {when} at {spot}, bring something heavy to hold the gazebo down.",
        "Open season on conkers, the kids have filled three buckets already.",
        "Anyone got a van? Moving a sofa from the high street to Elm Road saturday, will pay in pizza.",
        "Collection for the lads' charity run {when}: water, plasters, energy gels. Donate by DM.",
        "Sleep well {person}, big day tomorrow, proud of you.",
    ], R20, n=2),
    G("game", CLEAN, [
        "Hunting season opens friday in the new update, the legendary stag finally spawns.",
    ], R20, n=1),
    G("condemnation", CLEAN, [
        "A man posted a 'to do' list with 'end my ex' on it and people laughed. It's not funny, it's a threat, and she has a right to be scared.",
        "Threatening A&E staff because the wait was long is disgusting. They're doing their best on no sleep.",
    ], R20, n=1),
]

if __name__ == "__main__":
    from common import build
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    build("seed-en-neg", "en", GROUPS, os.path.join(here, "..", "hard_negatives_en.jsonl"), seed=303)
