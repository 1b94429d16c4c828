"""English violent threats and incitement, authored by the vigie team (synthetic).

violence_threat = the speaker (or people with them) threatens violence.
incitement = the text calls on others to commit violence (incl. "X deserves a bullet",
"death to X", "someone should...").
Names are invented; any resemblance to real people is accidental.
"""

from common import Group as G, labels

DIRECT = labels(hate=0, vt=1, inc=0, har=1, tox=1)          # speaker -> individual
PLAN = labels(hate=0, vt=1, inc=0, har=None, tox=1)         # speaker/plan, no single addressee
JOINT = labels(hate=0, vt=1, inc=1, har=None, tox=1)        # "let's", "we ... bring guns": speaker + call
CALL = labels(hate=0, vt=0, inc=1, har=None, tox=1)         # calls on others
CALL_IND = labels(hate=0, vt=0, inc=1, har=1, tox=1)        # call on others, against a named person
GROUP_T = labels(hate=1, vt=1, inc=0, har=None, tox=1)      # speaker threatens protected group
GROUP_C = labels(hate=1, vt=0, inc=1, har=None, tox=1)      # call to violence on protected group
GROUP_TC = labels(hate=1, vt=1, inc=1, har=None, tox=1)
WISH = labels(hate=0, vt=0, inc=0, har=1, tox=1)            # death wish, no threat/call

S = {
    "name": ["Kevin", "Sarah", "Marcus", "Jenna", "Tyler", "Priya", "Dylan", "Megan", "Brandon",
             "Olivia", "Derek", "Hannah", "Jamal", "Chloe", "Travis", "Aisha", "Connor", "Becky"],
    "official": ["Judge Whitmore", "Mayor Dalton", "Senator Kraig", "Governor Pell",
                 "Councilman Ortega", "Judge Hallowell", "Rep. Amberley", "Sheriff Coyle",
                 "the mayor", "the judge", "that senator", "the governor", "the DA",
                 "Commissioner Brandt", "the school board president"],
    "journalist": ["that reporter from Channel 8", "Lisa Tran from the Gazette",
                   "the Tribune journalist", "that blogger Mike Sorensen", "the journo who wrote that piece",
                   "Dana Cole from the Herald", "the news anchor"],
    "candidate": ["Halvorsen", "Marisa Quint", "candidate Rudd", "that clown Beaumont",
                  "Tom Ellery", "the Green candidate"],
    "place": ["city hall", "the courthouse", "the capitol", "the mosque on 5th", "the synagogue on Elm",
              "the school", "the clinic", "the mall", "the campus", "the office", "the plant",
              "the town square", "the rally", "the pride parade", "the county building"],
    "time": ["friday", "monday morning", "tomorrow", "tonight", "saturday at noon",
             "next week", "on the 4th", "after the game", "at 9am", "sunday"],
    "weapon": ["rope", "guns", "bats", "gasoline", "knives", "your rifles", "pipes", "ammo"],
    "kill": ["kill", "murder", "shoot", "stab", "strangle", "end"],
    "killed": ["killed", "shot", "stabbed", "strangled", "hanged", "beaten to death"],
    "group": ["jews", "muslims", "blacks", "immigrants", "gays", "trannies", "mexicans",
              "refugees", "arabs", "gypsies"],
    "groupsoft": ["Jewish people", "Muslims", "Black people", "migrants", "gay people",
                  "trans people", "refugees", "Mexicans", "Roma"],
    "body": ["head", "skull", "face", "legs", "neck"],
}

GROUPS = [
    # ----- direct first person -----
    G("direct_threat", DIRECT, [
        "I will kill you.", "I'm going to kill you", "im gonna kill u", "I will find you and I will kill you",
        "I swear to god I'll kill you", "you're next, I'm going to kill you",
        "I am going to {kill} you and nobody will find the body",
        "I'll {kill} you the next time I see you, {name}",
        "I know where you live {name}. I'm coming for you with a knife",
        "Keep talking and I'll put a bullet in your {body}",
        "I'm going to slit your throat while you sleep",
        "i will break every bone in your body then set you on fire",
        "I'm going to beat you until you stop breathing",
        "Say that to my face and I'll cave your {body} in with a hammer",
        "I'll shoot you in your driveway, {name}",
        "gonna run you over with my truck first chance i get",
        "I will burn your house down with you and your kids inside",
        "next time you walk past my place I'm stabbing you",
        "i have a gun and your address. see you soon",
        "I'm going to strangle you with your own phone cord",
        "Mark my words {name}, you will not survive this week",
        "I'm driving to your work tomorrow and I'm going to end you",
        "I will hunt you down. I will find you. You will bleed.",
        "You have 24 hours before I come and put you in the ground",
        "I'm going to drown you in the lake like a rat",
        "I'll smash your {body} in until your mother can't recognise you",
        "I've loaded the shotgun. Guess who it's for, {name}",
        "KILL YOU. I WILL KILL YOU. HEAR ME???",
        "i really am going to murder you this time not joking",
        "this isnt a joke i will shoot you",
        "Enjoy your last weekend alive {name}.",
        "I'm gonna put you six feet under, you little rat",
        "I'll gut you like a fish",
        "gonna bash ur skull in w a brick",
        "I'm bringing the machete to school tomorrow and you're the first one",
        "I'm going to make you watch while I kill your dog and then you",
        "u blocked me? fine. ill see u at ur apartment with my knife",
        "When you get off shift tonight I'll be waiting in the parking lot. Bring a coffin.",
        "I will personally put a bullet between your eyes",
        "i'll shank u in the yard",
        "I'm going to set your car on fire with you in it",
        "one more word and I'm stabbing you, {name}, I swear",
    ], S, n=2),
    # ----- second person -----
    G("direct_threat", DIRECT, [
        "You're a dead man.", "ur dead bro", "you are so dead {name}",
        "You're dead meat when I find you", "you won't live to see Christmas",
        "Your days are numbered, {name}.", "You're going to die screaming",
        "watch your back, you won't see it coming",
        "You'd better sleep with one eye open tonight, I know where you live",
        "Your family is going to be picking out a casket soon",
        "you'll be found in a ditch. count on it",
        "Dead man walking. See you {time}.",
        "You and your kids won't make it to the weekend",
        "your little girl walks to school alone right? would be a shame",
        "You're going to end up in a body bag, {name}",
        "nice house you have on Maple st. shame if it burned with you in it",
        "Better start saying goodbye to people, {name}",
        "You will be shot. Not a matter of if.",
        "u r gonna get what's coming to u, and its a bullet",
    ], S, n=2),
    # ----- conditional -----
    G("conditional_threat", DIRECT, [
        "If you show up at the party again I'll kill you",
        "if u text my girl one more time im gonna stab u",
        "If you testify {time} you won't make it home",
        "Call the cops and I'll shoot you and your whole family",
        "If I see you on my street again you're getting a bullet",
        "Post that video and you're dead, {name}",
        "if you dont pay me back by {time} ill break your legs and then ill kill u",
        "One more complaint to HR and I'll cut your throat",
        "If you leave me I'll kill you and then myself",
        "Touch my car again and I'll bury you",
        "Fire me and I'll come back with a rifle, {name}. I mean it",
        "If the verdict goes the wrong way {official} gets a bullet",
        "if they close the plant ill come back and shoot every manager i can find",
        "Vote that bill through and I will kill you, {official}",
        "keep writing about my family and I'll put you in the hospital, or worse",
        "If my kid gets a detention again I'm coming in with my gun",
        "Dump me and I'll throw acid in your face",
        "You tell anyone about this and I will slit your throat",
        "If you don't drop the lawsuit by {time}, {name}, you'll disappear",
        "should you ever come near my sister again, I will end your life",
    ], S, n=2),
    # ----- third person / plans -----
    G("plan", PLAN, [
        "We're going to shoot up {place} {time}.",
        "I'm going to shoot up {place} {time}, you've been warned",
        "tomorrow im bringing my dad's AR to {place}. everyone there is dead",
        "I've got a plan for {place}. {time}. Nobody gets out",
        "we are going to bomb {place} {time}",
        "I'm going to kill {name} after class. Already got the knife",
        "gonna murder my boss {time}, fr this time",
        "Me and the boys are going to jump {name} and stomp him until he stops moving",
        "i'm going to burn {place} to the ground {time} with them inside",
        "{official} won't finish the term. I'll make sure of it personally",
        "I'm going to kill my ex and her new boyfriend this weekend",
        "planning to run my car into the crowd at {place}",
        "Tonight I'm finishing what I started. {name} dies.",
        "After the holidays I'm going to shoot every last one of my coworkers",
        "I'm gonna kill that {journalist} when they leave the studio",
        "I've been watching {name}'s house for a week. Saturday it ends.",
        "the pipe bomb is ready. {place}, {time}.",
        "going to {place} {time} with a full mag. Pray for them",
        "We will find {candidate} at the debate and we will hang him",
        "I'm stabbing the next cop who pulls me over",
    ], S, n=2),
    # ----- someone should -----
    G("someone_should", CALL_IND, [
        "Someone should kill {name}.", "somebody needs to shoot {official}",
        "Somebody please put {official} out of our misery, permanently",
        "someone should run {name} over honestly",
        "Somebody should break into {journalist}'s house and finish the job",
        "Can someone just put a bullet in {candidate} already",
        "Honestly someone needs to take out {official}. Just saying.",
        "Wish someone would beat {name} to death, he deserves it",
        "Who's going to be the hero who shoots {official}?",
        "Someone should burn {journalist}'s house down with them in it",
        "Somebody needs to slit {name}'s throat",
        "if someone shot {candidate} at the rally tomorrow nobody would cry. hint hint",
        "100 bucks to whoever punches {name} so hard he never wakes up",
        "I'd pay anyone who kills {official}. Serious offer. DM me",
        "Any patriot with a rifle could fix the {official} problem in one shot",
        "Where is a sniper when you need one? {candidate} is on stage at {time}",
    ], S, n=2),
    # ----- deserves / should be -----
    G("deserves_violence", CALL_IND, [
        "{official} deserves a bullet.", "{name} deserves to be shot",
        "{official} should be hanged for treason", "{official} should be hanged in the town square",
        "{journalist} should be dragged into the street and beaten",
        "hang {candidate}", "{candidate} needs to hang", "{official} deserves to die slowly",
        "A rope is too good for {official}, burn him", "Put {official} against a wall and shoot",
        "{name} deserves a knife in the back", "Line them up and shoot them, starting with {official}",
        "the only good {official} is a dead one", "Public execution for {candidate}. Nothing less.",
        "{journalist} should be tortured and then shot", "firing squad for {official}",
        "{official} should be strung up from the nearest lamppost",
    ], S, n=3),
    # ----- death to -----
    G("death_to", CALL, [
        "Death to {official}!", "DEATH TO ALL TRAITORS", "death to the police",
        "Death to landlords. Burn their houses.", "death to the politicians who did this, every one of them",
        "Death to the media, hang them all", "death to every judge in this rigged court",
        "Death to the traitors in congress!!!", "death to cops, kill on sight",
    ], S, n=2),
    # ----- calls to action with time and place -----
    G("call_to_action", JOINT, [
        "Meet at {place} {time}, bring {weapon}. We end this ourselves.",
        "Everyone to {place} {time}. Bring {weapon} and don't leave anyone standing",
        "{time} we march on {place}. bring {weapon}. {official} doesn't leave alive",
        "Gathering at {place} {time}. We drag {official} out and hang him",
        "Who's in? {place}, {time}. Bring {weapon} and masks.",
        "rally at {place} {time}. if they won't leave we burn it with them inside",
        "We storm {place} {time} and execute every traitor inside",
        "Let's go to {journalist}'s house tonight and teach them a lesson they won't survive",
        "Address is in the group chat. {time}. Bring {weapon}. Make {name} pay.",
        "Armed patriots, {place}, {time}. Shoot anyone who stops you.",
        "get to {place} {time} and torch the place. no mercy",
        "Let's hunt down {official} and string him up",
    ], S, n=3),
    G("call_to_action", CALL, [
        "Go to {place} {time} and kill as many as you can",
        "Find {official} and shoot him. His address is public",
        "Take up arms and kill the traitors in {place}",
        "Kill them all. Every last one at {place}.",
        "Burn down {place}, the people inside deserve it",
        "Y'all need to go beat {name} senseless tonight, he's at the bar on 3rd",
        "Rise up and slaughter them before they vote {time}",
        "Don't protest. Shoot. {official} is at {place} {time}.",
        "Grab your {weapon} and pay {candidate}'s campaign office a visit",
    ], S, n=3),
    # ----- official / journalist / candidate threats -----
    G("official_threat", labels(hate=0, vt=1, inc=0, har=1, tox=1), [
        "{official}, we know where your kids go to school.",
        "Dear {official}: rule against us and you'll be swinging from a rope.",
        "{official} is going to get shot leaving the courthouse and I'll be the one holding the gun",
        "We're coming for you {official}. Lock your doors, it won't help",
        "Hey {journalist}, keep writing those lies. We've got your address and plenty of ammo",
        "{candidate} won't make it to election day. Promise.",
        "Any judge who signs that order is a dead man. I'll see to it.",
        "I will personally execute {official} for what he did",
        "Next rally {candidate} holds will be the last one, I'll bring my rifle",
        "{official} you have a target on your back and I'm a good shot",
        "To the reporter who doxxed my brother: I will find you and you will regret being born",
        "Mayor, your office will burn and you with it",
        "we'll see how brave {journalist} is with a gun to their head",
        "I hope {official} enjoys the last weeks of his life. I have plans.",
    ], S, n=3),
    # ----- group threats -----
    G("group_threat", GROUP_T, [
        "I'm going to shoot all the {group} I see at {place} {time}",
        "We are going to kill the {group}. All of them.",
        "gonna light up {place} full of {group} this weekend",
        "I will gas the {group} myself if I have to",
        "Next time {group} march through our town we open fire",
        "we're going to burn {place} with the {group} inside",
        "I'm going to run my truck through the {group} at {place}",
        "All the {group} in this neighbourhood will be dead by summer. I'm starting {time}.",
        "I'll be waiting at {place} with my rifle for the {group}",
        "The day is coming when we put the {group} in camps and then in the ground",
        "The next family of {group} who moves onto my street gets a bullet",
    ], S, n=2),
    G("group_threat", GROUP_C, [
        "Kill all {group}.", "gas the {group}", "death to {group}", "{group} should be hanged",
        "All {group} deserve a bullet", "Burn {place}, it's full of {group}",
        "Round up the {group} and shoot them", "Exterminate the {group} like the vermin they are",
        "somebody needs to shoot up {place}. too many {group}",
        "Hang the {group} from the trees", "Someone should bomb {place} during prayers",
        "Beat any {group} you see tonight. Spread the word.",
        "the {group} need to be wiped off the face of the earth and we have to do it",
        "go out and hunt {group} this weekend, let's see the body count",
        "{groupsoft} should be lined up and shot",
        "Drown the boats. Let the {group} sink.",
        "We need another Holocaust and this time finish the {group}",
        "kill every last one of the {group} at {place}, no survivors",
    ], S, n=2),
    G("group_threat", GROUP_TC, [
        "Meet at {place} {time}. Bring {weapon}. We're clearing out the {group}.",
        "Let's go to {place} {time} and kill some {group}",
        "We ride {time}. Target: {place}. Bring {weapon} for the {group}",
        "Time to take our country back. Any {group} we find, we kill. Who's with me?",
        "Let's torch the shelters full of {group} tonight. I'll bring the gasoline",
    ], S, n=3),
    # ----- individuals, harassment threats, domestic -----
    G("direct_threat", DIRECT, [
        "Bitch I'm going to kill you when you get home",
        "I'll kill u and ur whole family {name}",
        "tell your mom to buy black because you won't be around much longer",
        "keep laughing {name}, you'll be laughing in your grave",
        "Next time you leave the house I'll have someone waiting with a gun",
        "my brother's coming for you with a bat tonight. you're done",
        "Say goodbye to your kneecaps",
        "You'll wake up with your throat cut",
        "i'll make sure you never walk again",
        "i hope you like hospitals because I'm putting you in one, then a morgue",
    ], S, n=2),
    # ----- death wishes (harassment, not threat) -----
    G("death_wish", WISH, [
        "I hope you die in a fire, {name}", "hope you get hit by a bus",
        "I hope someone stabs you tonight", "I wish you were dead", "kys {name}",
        "I hope your plane crashes", "hope you get cancer and die slow",
        "the world would be better if you got shot",
    ], S, n=2),
]

GROUPS += [
    G("veiled_threat", DIRECT, [
        "It'd be a real shame if something happened to your kids, {name}",
        "Nice family you've got. Be a pity if they had an accident.",
        "I know what car you drive and what time you leave work. Think about that.",
        "Accidents happen to people who talk too much, {name}",
        "We have people in your town. Keep posting and see what happens.",
        "Your wife's gym closes at 9 right? just checking 🙂",
        "don't come to school tomorrow {name}. seriously. just don't.",
        "Last warning. Next time it won't be a letter in your mailbox.",
        "I've got a bullet with your name engraved on it",
        "Sleep well {name}. While you still can.",
        "Remember what happened to the last guy who crossed me? You're next.",
        "we know where you park, {journalist}. brakes fail all the time",
        "🔪🔪🔪 see you tonight {name}", ("🔫 you're next", "ur next", "you're next."), "⚰️ {name} ⚰️ soon",
        "Your address is 14 Oak Street. We'll be in touch.",
    ], S, n=2),
    G("direct_threat", DIRECT, [
        "die bitch", ("Dead. You're dead.", "you're dead."), "watch ur back",
        "I'll rape you and then kill you", "gonna find u and rape u", "I'll make you bleed",
        "Keep running your mouth and you'll be eating through a straw for the rest of your short life",
        "Listen here you pathetic little worm, I have been patient with you for months but this is it: I'm coming to your flat {time} and I am going to beat you to death with my bare hands.",
        "Everyone in this chat knows I don't bluff. {name}, I'm going to stab you in front of your friends and I'll laugh while you bleed out on the floor of that shitty bar.",
        "My brothers are going to deal with you. You won't walk out of that club",
        "i'm going to do a columbine on this school and you're first on my list",
        "gonna pop a cop tonight, any cop, first one I see",
        "the next doctor at that clinic who walks out gets shot",
        "i will beat you to a pulp u fucking snitch",
    ], S, n=1),
    G("call_to_action", CALL_IND, [
        "His address is 12 Birch Lane. You know what to do.", "dox {name} and pay him a visit, make it permanent",
        "Here's {journalist}'s home address. Go teach them what happens to liars",
        "Someone go to {name}'s work and smash his face in, he's on shift till 6",
        "Day of the rope for {official} and every traitor like him",
        "Be like the Christchurch guy. Finish the job at {place}.",
        "Whoever lives near {official}, do us all a favour tonight",
        "Spread the word: {candidate} is speaking at {place} {time}. Bring your rifles, we know what needs doing.",
        "RT if you think {official} should be shot", "Like this post if {name} deserves a bullet",
    ], S, n=2),
    G("call_to_action", JOINT, [
        "Let's go kill some cops tonight", "Lets jump {name} after school, bring the knives",
        "We're gonna drag {official} out of his house and hang him from his own porch. Who's coming?",
        "Tonight we go to {place} and we don't stop until every one of them is dead",
        "Load up boys, we hit {place} {time}",
    ], S, n=2),
    G("group_threat", GROUP_C, [
        "Day of the rope is coming for the {group}", "Ovens are warming up for the {group} 🔥",
        "RT if the {group} should be deported in body bags", "The {group} are vermin. Exterminate them before they breed.",
        "Go hunting at {place}, lots of {group} tonight", "All {group} are targets. Act accordingly.",
        "Shoot the {group} at the border. Every one. No warnings.",
    ], S, n=2),
    G("group_threat", GROUP_T, [
        "I'm going to drive to {place} and kill as many {group} as I can",
        "My rifle's ready for the {group}. See you at {place}",
        "We'll hang all the {group} in this town from the bridge",
    ], S, n=2),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "To the teacher who failed my son: I know your route home. Change your job or I'll change your face permanently.",
        "Nurse {name}, you killed my mother. I'm going to return the favour.",
        "Dr. {name}, every doctor who does abortions deserves what's coming, and you're first. I'll be outside the clinic.",
        "u think ur safe behind that screen? i traced ur IP. see u {time}",
        "I'm outside. Open the door or I come through the window with the axe.",
        "you ruined my life so I'm going to end yours, simple as that",
        "Tell your lawyer he'll need a funeral director too",
        "i swear on my kids ill stab you 47 times",
        "yo {name} pull up to the park {time} and you leaving in an ambulance or a hearse",
        "gg ez. also I found your address from your stream, 4 Hill Rd, I'm coming to stab you irl",
        "the next time you hit my sister I will kill you with my own hands",
        "I'll crack your skull open like an egg",
        "Your blood will be on the pavement by friday",
        "I will not stop until you are dead. This is a promise, not a threat.",
    ], S, n=1),
    G("plan", PLAN, [
        "I put the gasoline cans in the trunk. {place} goes up tonight.",
        "Bought the rifle today. Monday I settle things with everyone at {place}.",
        "writing my manifesto now. by {time} they'll all know my name and {place} will be a graveyard",
        "i'll be the one they write about after {time}. i'm taking as many of my classmates as i can",
        "We've got the addresses of all five council members. We're visiting them one by one, with bats.",
        "My cousin and I are going to beat that landlord to death if he evicts us",
        "after court I'm going to find the judge's house and burn it down with him inside",
    ], S, n=1),
    G("call_to_action", CALL, [
        "Civil war now. Take up arms and kill the traitors in government",
        "Kill all landlords. Start with yours.", "eat the rich, literally, drag them out of their mansions and slit their throats",
        "Purge the traitors. Every politician who voted yes, put them against a wall",
        "Armed revolution is the only answer. Execute the bosses.",
        "#KillTheCops trending and it should be, do it", "Go to the border and shoot anyone crossing",
        "Start shooting the looters. Every last one.", "If you see a cop alone tonight, you know what to do",
        "Time to water the tree of liberty with the blood of the {official} tyrants",
        "bomb the data centre, kill the engineers, save humanity",
    ], S, n=1),
    G("someone_should", CALL_IND, [
        "Would be a shame if someone burned {name}'s shop down tonight 🔥", "Not saying anyone should shoot {official}. But nobody would convict them.",
        "a true patriot would have already shot {candidate}", "i'm just saying if {official} had an 'accident' the world would be better. someone make it happen",
        "someone with nothing to lose should drive into {official}'s motorcade",
        "Someone needs to teach {name} a lesson with a baseball bat",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        "#KillAll{groupcap} trending, finally people are waking up", "Cleanse the country of {group}. By force.",
        "Open season on {group} tonight, spread the word", "Purge the {group}. Start with the ones on your street.",
        "Burn every mosque with the worshippers inside", "Somebody torch the synagogue during Shabbat",
        "Shoot the {group} before they outbreed us", "Every gay bar should be firebombed",
        "Lynch the {group} who moved in next door",
    ], dict(S, groupcap=["Jews", "Muslims", "Blacks", "Immigrants", "Gays", "Trannies"]), n=2),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "I've read your reviews of my restaurant for two years and said nothing. You cost me my business, my marriage, everything. So here's a review for you: I know where you live, and one night soon you'll open the door and it'll be me.",
        "Funny how brave you are online, {name}. Different story when you're alone walking the dog at 10pm on Cedar Ave, isn't it? I'll be there tonight. Bring a friend if you want, I've got enough bullets for both.",
        "Everyone keeps telling me to calm down and let it go. No. You lied to the court, you took my kids, and you laughed about it. I'm done with lawyers. Next time I see you, you won't get up again.",
        "lol you really thought blocking me would work?? made a new account just to tell you: the car outside your place last night was mine. next time i'm coming in. sleep tight",
        "This is your one and only warning. Stay away from my daughter. If I catch you near our house again I will shoot you where you stand and I'll happily do the time for it.",
    ], S, n=1),
    G("official_threat", DIRECT, [
        "Dear {official}, I have voted for you three times and you spat on all of us with this decision. You won't get a fourth term because you won't live that long. We know your schedule, we know your car, and we are done asking nicely.",
        "Hey {journalist}, saw your little 'investigation' about our group. Cute. Your kids' school is two blocks from your place, right? Write one more word and you'll be writing your own obituary.",
    ], S, n=1),
    G("call_to_action", JOINT, [
        "Enough talk. The council voted to close our plant and 400 families are ruined. {time} we go to {place}, all of us, and we bring {weapon}. Nobody from the council leaves that building alive. Share this with people you trust only.",
        "Listen up. The cops won't help us so we help ourselves. {time}, {place}, we find the dealer who sold to my brother and we end him. Bring gloves and {weapon}. No phones.",
    ], S, n=1),
    G("group_threat", GROUP_TC, [
        "They're taking over our neighbourhood one house at a time and the politicians do nothing. I'm done waiting. {time} a few of us are going to {place} with {weapon} and we're going to make sure the {group} never feel safe here again. Who's in?",
        "I've watched this town change for twenty years and nobody has the guts to say it. So I'll say it and I'll do it: the {group} at {place} are getting what's coming to them {time}. Bring your guns, bring your friends.",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        "Long thread on why the {group} are the root of every problem in this country. Conclusion: no more votes, no more debates. The only solution left is physical. Find them, drive them out, and if they resist, kill them. It's us or them.",
    ], S, n=1),
]

NONPROT_T = labels(hate=0, vt=1, inc=0, har=None, tox=1)
NONPROT_C = labels(hate=0, vt=0, inc=1, har=None, tox=1)
GROUPS += [
    G("question_call", CALL_IND, [
        "Why doesn't someone just shoot {official}?", "how many bullets do you think {official} can take before he drops? someone find out",
        "Is there nobody brave enough to put {candidate} in the ground?", "When are we finally going to hang {official}?",
        "Who's going to stab {name} first? 👀",
    ], S, n=2),
    G("question_call", GROUP_C, [
        "Wouldn't it be great if all the {group} died in a fire? let's make it happen", "Why can't we just shoot the {group} at the border?",
        "When do we start killing the {group}?",
    ], S, n=2),
    G("opinion_call", CALL_IND, [
        "I honestly think {official} should be executed", "In my opinion {journalist} deserves to be beaten to death",
        "Personally I'd support anyone who shoots {candidate}",
    ], S, n=2),
    G("opinion_call", GROUP_C, [
        "In my opinion the {group} should all be shot", "I genuinely believe the {group} should be exterminated",
    ], S, n=2),
    G("direct_threat", DIRECT, [
        "iwillkillyou", "ur ded m8", "imgonnakillu", "i wil kil u", "ill murdr u", "u r dead 2 me... literally, im coming",
        "gonna k1ll u", "I'LL F*CKING KILL YOU", "u wont make it home tonite",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        ("killall{group}", "#killall{group}"), "gasthe{group}",
    ], S, n=2),
    G("nonprotected_threat", NONPROT_T, [
        "I'll run over every cyclist on this road, I swear", "Next vegan who lectures me at the market gets my fist through their skull and then my knife",
        "I'm going to shoot every landlord on this block", "gonna stab the next tourist who blocks the escalator",
        "I'll kill every hipster in this coffee shop", "Any boomer who parks in my spot again gets their tyres slashed and their throat too",
    ], S, n=1),
    G("nonprotected_call", NONPROT_C, [
        "All vegans should be shot", "Shoot the bankers, every one of them", "Line up the billionaires and shoot them",
        "Someone should bomb the tax office", "Hang all the lawyers", "every cyclist deserves to be run over, do it",
        "Kill the rich", "Landlords deserve the guillotine",
    ], S, n=1),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "I'll glass you next time you're in the Crown, mate", "you're getting shanked bruv, on my life",
        "Come round mine again and I'll do you in", "I'll bottle you, you mug", "gonna put you through that window, you muppet",
        "imma pull up and air this bitch out", "u got caught lackin, next time we clap u fr", "we gon smoke you and your whole block",
        "keep talking and you getting a hot one in your dome", "I'll cut you up proper, you grass",
        "Swear down I'm gonna bang you up and leave you in the canal", "my guys gon catch you slippin and it's lights out",
    ], S, n=1),
    G("call_to_action", CALL_IND, [
        "yo if anybody see {name} on the block, smoke him on sight", "whoever catches {name} first, do him properly, I'll sort you out after",
    ], S, n=1),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "I'm going to break your neck, {name}", "I'll put you in a wheelchair for life", "you'll be picking your teeth up off the floor",
        "I'll end your whole bloodline", "your family will be attending your funeral by spring", "I'm going to poison your dog, then you",
        "I'll snap every finger you type with", "you're going to be sucking food through a tube when I'm done with you",
        "I'll bury you in the woods behind your house and no one will ever look", "I'm going to make your wife a widow",
        "I'll tie you up and set the garage on fire", "I'll drag you behind my truck till there's nothing left",
        "Try me. I'll open you up from navel to neck.", "Gonna choke you out until you stop twitching",
        "I'll throw you off the balcony myself", "Next time I see you I'm ramming your car off the bridge",
    ], S, n=1),
]

GROUPS += [
    G("call_to_action", CALL, [
        "1776 again. Lock and load, the tyrants in the statehouse won't remove themselves", "boogaloo time boys, target the feds first",
        "The drag show at the library is saturday 2pm. Be a shame if some patriots showed up armed and ended it for good.",
        "Election workers who certified this fraud should be hunted down. Their names and addresses are in the doc below.",
        "Anyone who sees a poll worker from county 12 alone: make an example of them", "time to start shooting the doctors who do abortions",
        "Go after their families too, that's the only language they understand",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        "Drag queens are groomers, shoot up every drag brunch in this state", "Pride parade saturday, perfect target, bring your rifle",
        "Gay bars are full on Saturday nights. Just saying. Someone with courage could change things.",
        "The shul on Elm has no guards on Saturday mornings. Do with that what you will.",
    ], S, n=1),
    G("official_threat", DIRECT, [
        "To the county clerk who certified: we know your name, your kids' names and your address. Resign or be removed, permanently.",
        "Dear poll worker: you'll be hanging from your own ballot box",
    ], S, n=1),
]

GROUPS += [
    G("direct_threat", DIRECT, [
        "If you revert my edit one more time I will find out where you live and come kill you",
        "Admins like you are why people snap. Ban me again and I'll show up at your house with a bat",
        "Matched with you just to say: I remember your face from the bar. I'll be waiting outside your work friday.",
        "Your 1-star review cost me my job. I found your Facebook. Your kids are cute. Would hate for them to lose a parent.",
        "@{name} keep mocking me in the group chat and I'll bring my dad's pistol to homeroom",
        "hey {name}, saw your slack message. Say it again in the parking lot and see if you get home",
        "you better watch yourself or you'll be sorry, I've got friends who do this for money",
        "Delete this thread or I'll delete you", "one more ban and I'm coming to your mod meetup with a knife",
        "I'm going to find your IRL address and burn your house down, you fat neckbeard mod",
        "u really reported me? ok. enjoy ur last week, ive got ur school and ur schedule",
        "Landlord: you have until the 1st to fix the heating or I swear I'll break your skull when you come collect rent",
        "Ref, you blow one more call against my son and I'll be waiting for you in the car park with a tyre iron",
    ], S, n=1),
    G("plan", PLAN, [
        "Tomorrow I'm bringing a gun to the office and HR will be the first to go", "Tonight I'm waiting outside my ex's new place. She won't see morning",
        "i'm gonna stab the next customer who yells at me, for real this time, got the knife in my apron",
        "The fireworks on saturday won't be the only explosion at the stadium. I've been preparing for months.",
    ], S, n=1),
]

# ----- round 3: wordings beyond "kill", present-tense plans, veiled threats, typos/SMS -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "you're getting hospitalised the second you step outside",
        "I'll make you disappear and nobody will even file a report", "gonna fuck you up so bad ur mom wont recognise u",
        "I'm going to set you on fire and watch",
        "you will end up in a ditch, {name}, I promise you that", "im gonna beat u with a crowbar till ur spine snaps", "I'll crush your windpipe with my boot",
        "one more word and I'll rip your tongue out", "I'll knock every tooth out of your mouth and make you swallow them",
        "I will personally put you in a body bag",
        "you and me, parking lot, I'm bringing the machete this time", "I'll hang you from the tree in your own yard",
        "keep it up and I'll break both your legs, see how you post then", "ill drown u in ur own pool {name}",
        "i swear ill put a knife in ur ribs",
    ], S, n=1),
    G("plan", PLAN, [
        "Loading the shotgun now. {name} gets what's coming tonight", "heading to your place rn with my bat, open the door",
        "I'm outside your house. I can see your bedroom light. Come down.", "sharpening the knife as we speak, see you after your shift", "I'm in the car, 10 minutes from your door. Hope you said goodbye to your kids.",
        "got the zip ties, got the duct tape, got your schedule. tonight's the night",
        "Waiting in the stairwell of your building. You have to come home eventually.",
        "I'm on my way to the school with my dad's guns. Nobody is stopping me this time.",
    ], S, n=1),
    G("conditional_threat", DIRECT, [
        "If the verdict goes the wrong way, {official} won't live to see the appeal",
        "Touch my sister again and they'll be scraping you off the pavement",
        "Show up at my door again and you leave in an ambulance. Or a bag.",
        "If you testify, you and your little girl are both done", "fire me and I'll come back with a gun, I mean it",
        "Unless you take that video down, I'm coming to break your hands",
    ], S, n=1),
    G("veiled_threat", DIRECT, [
        "Pretty quiet street you live on. Nobody would hear a thing.", "Your daughter walks home alone on Tuesdays, doesn't she",
        "I'd check under your car before driving anywhere this week", "Funny how house fires start. Faulty wiring, they always say.",
        "You won't see it coming, {name}. That's all I'll say.", "Tell your kids you love them tonight. Just in case.",
        "Watch your back. Every day. For the rest of your short life.", "People go missing from that trail all the time, {name}",
        "they'll find what's left of you in the river", "hope you enjoyed your coffee at the usual place this morning. see you tomorrow",
        "Enjoy the sunrise tomorrow, it might be your last one",
    ], S, n=1),
    G("official_threat", DIRECT, [
        "{official}, the people are coming for you and this time it's not with signs", "Hey {journalist}, write one more article and it'll be your obituary",
        "{candidate} won't make it to election day, I'll see to it personally", "We have the judge's home address and a lot of ammunition. Rule wisely.",
        "the council voted yes, so now each councilman gets a visit from me and my rifle",
    ], S, n=1),
    G("someone_should", CALL_IND, [
        "Somebody needs to run {candidate} over at the next rally", "Can anyone local just go put {official} in the ground already",
        "Whoever sees {official} first, don't let him walk away", "Someone please torch {journalist}'s house",
        ], S, n=1),
    G("deserves_violence", CALL_IND, [
        "{candidate} needs a rope around the neck and a tall tree",
        "{journalist} deserves to have her face smashed in", "{name} should have his throat cut, honestly", "The jury that freed him should be lined up and shot",
    ], S, n=1),
    G("call_to_action", CALL, [
        "Everybody grab what you've got and meet at {place} {time}. No one from the council leaves alive.", "Bring {weapon}. We end this {time} at {place}.",
        "Time for the pitchforks. Find them at home, not at the office.", "Doxx them, find them, hurt them. In that order.",
        "Stop tweeting and start shooting, the traitors won't stop otherwise", "Burn every one of their offices to the ground, with staff inside if you can",
        ], S, n=1),
    G("group_threat", GROUP_C, [
        "Every {group} you see, beat them. Every single one.", "Set the {place} on fire while the {group} are praying inside", "We need to start hunting {group} in the streets like the old days",
        ], S, n=1),
    G("group_threat", GROUP_T, [
        "I'm going to shoot every {group} I can find at {place} {time}",
        "Me and the boys will be waiting for the {group} after prayers. Bats ready.",
    ], S, n=1),
    G("death_wish", WISH, [
        "I hope you get hit by a bus, {name}", "hope ur whole family dies in a fire", "I wish cancer on you and everyone you love",
        "Can't wait to read your obituary", "the world would be better if you just died tonight", "hope u choke on it and die",
    ], S, n=1),
]

# ----- round 4: more veiled threats, threats without a violent verb, informal registers -----
GROUPS += [
    G("veiled_threat", DIRECT, [
        "Nice little house on Birch Lane. Real shame if it caught fire with everyone asleep.", "I'd start sleeping with one eye open if I were you, {name}",
        "Keep that up and your kids will be growing up without a dad",
        "Remember: I know your route home, your gym, and your kid's school.", "Ask {name} what happened last time someone crossed me. Oh wait, you can't.",
        "You'll be a headline by friday. Local man found in river.", "Don't bother locking your door tonight, it won't help",
        "There won't be a second warning.",
        "people like you have accidents. it's a known thing", "i'd say goodbye to the people you love. just a suggestion",
    ], S, n=1),
    G("direct_threat", DIRECT, [
        "ur dead bro, dead. wait till monday", "youre done. finished. they'll need a closed casket",
        "Ima put you in the dirt, watch", "ur gonna get smoked on sight fr",
        "say one more thing about my mom and you're eating through a straw", "catch you outside and you're leaving on a stretcher",
        "i'll end you, {name}. slowly.", "You're going to regret the day you were born when I get hold of you",
    ], S, n=1),
    G("plan", PLAN, [
        "Tomorrow is the day. Everyone at that office will pay for what they did to me.", "I've written the letter, I've got the gun. Monday morning, the whole department.",
        "Countdown: 3 days until I make the headlines at {place}", "been scoping out {place} all week. exits, cameras, guards. almost ready",
    ], S, n=1),
    G("conditional_threat", DIRECT, [
        "Vote yes on this and you won't be safe anywhere in this town", "You come near my kids again and you'll never see yours again",
        "If I lose custody, the judge and my ex both die. Simple.", "call the cops and your brother is the first one I shoot",
    ], S, n=1),
]

# ----- round 5: eliminationist calls against groups, calls phrased as "time to", threats as fact -----
GROUPS += [
    G("group_threat", GROUP_C, [
        "Wipe out the {group}, every last one, no exceptions", "Cleanse this country of {group}. By any means.", "Exterminate the {group} before they breed us out",
        "Go door to door and drag the {group} out", "The {group} are only good dead, so get to work",
        "Torch their shops, torch their homes, run the {group} out of town", "Hang the {group} from every lamppost on main street",
        "Start with the {group} on your own street, then move to the next", "Someone needs to gas the {group}, seriously",
    ], S, n=1),
    G("call_to_action", CALL, [
        "The tree of liberty needs watering. You know with what. Start with the senators.", "Open season on politicians starts now. Spread the word.",
        "Grab a bat, find a banker, you know the rest", "Put the traitors in the ground, starting with the governor's staff",
    ], S, n=1),
    G("official_threat", DIRECT, [
        "{official} is a dead man walking. I'll handle it myself.", "Clock's ticking, {candidate}. I'll be the one to stop it.",
    ], S, n=1),
]

# ----- round 6: other registers (formal, workplace, domestic, gamer, slang) and longer posts -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "Let me be perfectly clear, {name}: if you contact my wife again, I will end your life and I will not lose a minute of sleep over it.",
        "After what you did in that meeting, I'm going to make sure you go home in pieces. See you at the 3pm standup.",
        "You think the restraining order protects you? Paper doesn't stop bullets, sweetheart.",
        "gg ez, now I'm gonna find your address from your IP and shoot you irl",
        "you owe me. pay up or they'll be fishing you out the canal",
        "Bitch I will cut your face so no one ever looks at you again", "Im not joking anymore. I will strangle you with my bare hands next time I see you",
        "My brothers and I are going to beat you to death. Count the days.",
    ], S, n=1),
    G("group_threat", GROUP_T, [
        "I'm going to make every {group} in this town pay with their lives", "Me and my rifle are going hunting for {group} this weekend",
        "We will burn the {group} out of their homes, and we'll start next week",
    ], S, n=1),
    G("nonprotected_threat", PLAN, [
        "The next cyclist who cuts me off is going under my wheels, on purpose", "The next telemarketer who calls me gets a visit and a bullet",
        "Any landlord who shows up for rent this month leaves in a body bag",
    ], S, n=1),
]

# ----- round 7: euphemistic and question-form calls, calls to repeat past attacks, bounties -----
GROUPS += [
    G("someone_should", CALL_IND, [
        "If {official} had a little 'accident' on the way home, nobody would cry. Any volunteers?", "Who's got the guts to pay {journalist} a visit she won't walk away from?",
        "Would be a real shame if nobody in this town did something permanent about {candidate}", "Bounty: one month's rent to whoever puts {name} in intensive care",
        ], S, n=1),
    G("call_to_action", CALL, [
        "Do what they did in Oklahoma City. The federal building on 3rd is just as easy.", "We need a new John Brown, today, with a rifle, at the statehouse", "Anyone still waiting for the courts is a coward. Go to their homes.",
        "Make the councillors afraid to leave their houses. You know how.", "Armed patriots to {place} {time}, and don't come back until it's done",
    ], S, n=1),
    G("group_threat", GROUP_C, [
        "It'd be a shame if nobody burned down the {group} centre this weekend. A real shame.",
    ], S, n=1),
]

# ----- round 8: veiled threats built on surveillance and "accidents", threats with no violent
# verb (slang, outcomes: hospital, wheelchair, tube feeding), last-post plans, doxxing handed to
# a crowd, "do what you think is right". Sentences hashing into the test quarter are left out. -----
GROUPS += [
    G("veiled_threat", DIRECT, [
        "You've got a lovely wife, {name}. Would be terrible if she never came home one night.",
        "Funny thing about bridges. People fall off them all the time.",
        "Been watching you at the gym. You look tired. Rest while you still can.",
        "Your kid's bus stop is right next to the woods, isn't it",
        "Things happen to people who talk to reporters, {name}. Just so you know.",
        "When did you last check the brakes on that old car of yours?",
        "Not saying anything will happen. Just saying I know which window is your bedroom.",
        "Get a better lock. Get an alarm. Won't matter, but it'll make you feel better.",
        "Keep your mouth shut about what you saw or you'll be the next one they find",
        "i know what time you leave work. thats all. have a good night",
        "Last guy who testified against my brother moved away. In a box.",
        "hope you like hospital food, you'll be eating a lot of it soon",
        "Careful on the stairs in your building, {name}. Long way down.",
        "Everyone has a bad day eventually. Yours is already booked.",
        "Your mum's still on Greenway Road, yeah? Tell her I said hi. For now.",
        "Saw your car outside the daycare this morning. Cute kid. Be a shame.",
        "You talk a lot for someone who lives alone on the ground floor",
        "Enjoy the holidays, {name}. Make them count.",
    ], S, n=1, train_only=True),
    G("direct_threat", DIRECT, [
        "You're not walking away from this one, {name}. Not on your own legs, anyway.",
        "on my mother ur catching a fade next time i see u",
        "bro you're getting clapped the minute you leave that party",
        "I'm going to ruin your face so badly your kids won't know you",
        "you're a ghost, {name}. you just don't know it yet",
        "I'll put you through the window, swear down",
        "ill leave u leaking in the car park",
        "You'll be eating through a tube when I'm done with you",
        "I'm going to end you so slowly you'll beg me to finish",
        "youre getting wet up on sight no talking",
        "You'll be in a wheelchair by christmas, {name}, that's a promise",
        "I'm gonna rearrange your face with a tyre iron",
        "keep running your mouth and you'll be breathing through a machine",
        "I'll leave you in a state your own mother has to identify you by your shoes",
        "im gonna catch u slippin and its lights out for good",
    ], S, n=1, train_only=True),
    G("conditional_threat", DIRECT, [
        "Show your face at the school gates again and it'll be the last thing you ever do",
        "If that report reaches the board, {name}, you won't be around to hear what they decide",
        "Cross the picket line tomorrow and you get a brick through your skull",
        "If you break up with me I'll make sure nobody else ever gets to have you. Ever.",
        "Give evidence against my cousin and your kids grow up without you",
        "Another bad review of my restaurant and I'll come to your flat with a cleaver",
        "if u tell the teacher ur not making it to the end of the year",
    ], S, n=1, train_only=True),
    G("plan", PLAN, [
        "Bought the ammo today. Friday at {place}, the ones who laughed at me go first.",
        "Everything's in the trunk. Tomorrow the board meeting ends early. Permanently.",
        "I've timed the route {official} takes every morning. Thursday he doesn't arrive.",
        "Jerrycans are full. The landlord's building goes up tonight with him inside.",
        "This is my last post. Watch the news about {place} tomorrow.",
        "rifle's zeroed and the rooftop has a clear line to the stage. {time}.",
        "Made my list. Three names from accounting, one from HR. Monday.",
        "got my uncle's pistol out of the safe. my stepdad won't see the morning",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "{official}, we know which school your kids go to. Think carefully about your vote.",
        "To {journalist}: your home address is out there now. Enjoy your evening.",
        "{candidate}'s rally {time} will be the last one, I'm bringing something special for the stage",
        "Every election official who certified this will answer to me personally, with my rifle",
        "Dear {official}, you have until monday to resign. After that it stops being politics.",
        "{official} should know that judges bleed like everyone else, and I'll prove it",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "I'm bringing my rifle to the {group} prayer service {time}. Nobody walks out.",
        "No {group} family on this street will sleep safe again. Fires start so easily.",
        "Me and my crew are paying the {group} at the market a visit tonight. They'll need an ambulance.",
        "I'll mow down every {group} at {place} the second they open the doors",
    ], S, n=1, train_only=True),
    G("someone_should", CALL_IND, [
        "Whoever finds {name} first, make sure she never walks again",
        "Someone with less to lose than me should take care of {official} for good",
        "Nobody would convict you if {journalist} just didn't wake up one day. Just saying.",
        "Here's {official}'s home address. Do what you think is right. 🔫",
        "Pity nobody has put {candidate} in the ground yet",
        "Anyone near the courthouse tomorrow, {official} parks in the back lot. No cameras there.",
    ], S, n=1, train_only=True),
    G("call_to_action", CALL, [
        "Make them afraid to walk to their cars. Every single councillor.",
        "Find out where the jurors live. Pay them a visit. Make an example of one.",
        "They only understand force. Get them at the depot {time}, bring {weapon}.",
        "Fill the streets {time}, and this time fill the hospitals too",
        "Arm yourselves and go to {place}. No more talking.",
        "Their names and addresses are in the pinned post. You know what to do.",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_C, [
        "Every {group} family on your block, drive them out tonight, whatever it takes",
        "Bring {weapon} to {place} {time} and show the {group} they're not welcome alive",
        "A good {group} is a dead {group}, you all know what to do",
    ], S, n=1, train_only=True),
    G("call_to_action", JOINT, [
        "We're all going to {place} {time} with {weapon}. Join us. Nobody leaves standing.",
        "Let's go burn the councillor's office tonight, who's in",
        "we ride on their clubhouse saturday, bring {weapon}, we leave nobody breathing",
    ], S, n=1, train_only=True),
]

# ----- round 9: threats as questions, through third parties, with emoji, already set in motion,
# relayed ("tell him..."), grievance then threat; calls by hashtag, bounty and "who volunteers".
# Sentences hashing into the test quarter are left out. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "How would you like a bullet in the back of your head, {name}?",
        "Ever wondered what your teeth look like on the pavement? You'll find out friday.",
        "My cousins know your face now. They're coming for you.",
        "The boys know which bar you drink at, {name}. Enjoy your pint.",
        "🔪🔪🔪 see you soon {name}",
        "⚰️ this is for you. you've got till sunday",
        "I've already paid someone to take care of you. It's done.",
        "Tell {name} he's a dead man. He'll know why.",
        "Three years you made my life hell at that job. Now I'm going to make sure you don't have a life.",
        "We know who you are. We know where you sleep. We're coming.",
        "you think ur safe behind ur screen? ive got ur ip and ur mums address",
        "Count your fingers tonight {name}, you won't have all of them tomorrow",
        "what's it gonna take, a knife in your gut, before you stop texting my girl?",
        "You'll be the next one they pull out of the river. I'll make sure of it.",
    ], S, n=1, train_only=True),
    G("conditional_threat", DIRECT, [
        "If I ever see you again, nobody will ever find the body",
        "You say one word to the police and your shop burns with you in it",
        "Drop the lawsuit or your family buries you before the hearing",
        "Keep posting about me and I'll pay your house a visit with a can of petrol",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "{official}, I've got your home address and nothing left to lose",
        "Hey {journalist}, how's your son liking his new school? Would be a shame.",
        "{candidate} thinks the security at the rally will save him. It won't.",
        "The DA who charged my brother won't see another birthday. I'll be there.",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "We're going to clean {place} of {group} this weekend and we're not bringing signs",
        "I'll be at {place} {time} with a full mag. Every {group} there is a target.",
        "My garage is full of fertiliser and I know where the {group} meet",
    ], S, n=1, train_only=True),
    G("someone_should", CALL_IND, [
        "Who volunteers to make {official} disappear? Asking for the whole country.",
        "$500 to whoever breaks {journalist}'s fingers so she can't type anymore",
        "RT until someone finds {name} and makes her pay in blood",
        "Surely someone in that town owns a rifle and can see {official}'s porch",
    ], S, n=1, train_only=True),
    G("call_to_action", CALL, [
        "#HangThemAll starting with the council, tag your local reps",
        "Pitchforks out. Their offices are open until 5, visit them with {weapon}.",
        "Every traitor on that list should be dragged out and shot. Share the list.",
        "Go to {place} {time}. Don't bring signs. Bring {weapon}. Leave nobody.",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_C, [
        "#KillAll{group} trending, keep it going and then go do it",
        "Whoever has a truck, the {group} march is {time} on main street. Floor it.",
        "Put a bounty on every {group} in this city. Dead or alive, dead preferred.",
    ], S, n=1, train_only=True),
]

# ----- round 10: settings (neighbours, road rage, school, stalking an ex, extortion, fans,
# landlord, online game), outcomes in the passive ("you'll be found", "dental records"), long
# posts where the threat comes last, lowercase run-ons. Test-quarter sentences left out. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "Your dog barks one more night and it won't be the dog I deal with, it'll be you",
        "Cut me off again on the A4 and I'll follow you home and finish it with the wheel brace",
        "you laughed at me in gym. tomorrow nobody in that changing room is laughing. you first",
        "I still drive past your new place every night, {name}. Soon I'm stopping.",
        "pay the 2k by friday or they'll be identifying you by your dental records",
        "Wear that shirt to the away end again and you'll be carried out of the ground",
        "You want me out of the flat? Come and collect the keys yourself. I'll be waiting with the hammer.",
        "reported me to the admins? cute. i'll be at your door before the ban finishes",
        "They'll find you in pieces, {name}. Different bins, different towns.",
        "You'll be found. Not alive, but you'll be found.",
        "Nobody will hear you scream in that basement office of yours",
        "i put up with your crap for ten years, the lies, the cheating, the way you talked to my kids, and tonight it ends, you're not waking up",
        "i swear on my kids ill stab you the second your shift ends dont test me",
        "We'll see how tough you are with a broken jaw and no kneecaps",
        "Lock your doors all you want, windows break",
    ], S, n=1, train_only=True),
    G("plan", PLAN, [
        "Drove past the school three times today. Tomorrow I go in.",
        "Tonight I'm settling things with my neighbour for good. The axe is by the door.",
        "The hearing is at ten. My ex and her lawyer won't make it to eleven.",
        "i have a plan for the whole maths department and it ends in blood on monday",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "Councillor, you approved the mast next to my house. I approve of a bullet next to your ear.",
        "{official} signed the eviction. I'll sign his death certificate.",
        "I'll be at the townhall meeting {time}, {official}, and only one of us is walking out",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "Tomorrow me and my brothers make the {group} on our estate bleed",
        "I'm done talking. The {group} at {place} will burn, and I'll strike the match myself.",
    ], S, n=1, train_only=True),
    G("call_to_action", CALL, [
        "Anyone who lives near {official}: tonight's the night. Don't post about it afterwards.",
        "The courts won't do it so the people must. String up {candidate} and his whole staff.",
        "Find the referee's car after the match and make sure he drives home in an ambulance",
    ], S, n=1, train_only=True),
    G("deserves_violence", CALL_IND, [
        "{official} should be tied to a chair and beaten until he apologises",
        "honestly {journalist} deserves a knife in the ribs for that article",
        "{name} deserves to be dragged behind a car, and I hope someone does it",
    ], S, n=1, train_only=True),
]

# ----- round 11: calls in other grammatical forms (plural imperatives, "it's on you now", lists,
# slogans and chants, "if you're a real one"), threats in slang. Test quarter left out. -----
GROUPS += [
    G("call_to_action", CALL, [
        "Make them bleed at {place} {time}, pass it on",
        "They have to pay. In flesh. Go.",
        "Drag the councillors out of their homes, that's the only language left",
        "Your turn, lads. Address is in my bio.",
        "One cop, one bullet. Spread it.",
        "The commissioner lives two streets from the square. Tonight we see who's scared.",
        "If you're a real one you'll act {time} at {place}",
        "Everyone take {weapon} and stand outside {place} {time}",
    ], S, n=1, train_only=True),
    G("someone_should", CALL_IND, [
        "Somebody go smash {name}'s face in already",
        "Find me someone to stab {journalist}, I'll pay",
        "No one's going to sort {official} out? Really nobody?",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_C, [
        "Pull the {group} out one by one and throw them in the river",
        "Grab your bats and go welcome the {group} at the station {time}",
        "Send the {group} home in bags",
    ], S, n=1, train_only=True),
    G("direct_threat", DIRECT, [
        "i'm gonna lay you out cold you clown, won't even see it coming",
        "yo {name} you're cooked, my brothers are pulling up on you",
        "we're gonna make your life hell until you stop breathing",
        "you're ending up at the bottom of the lake with a cinder block on your feet",
    ], S, n=1, train_only=True),
]

# ----- round 14: euphemisms for harm in the speaker's own voice (take care of, deal with,
# settle, silence, erase, teach a lesson, make an example) and mourning words used as threats
# (funeral, flowers, life insurance, RIP in advance). Test quarter left out. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "Don't worry {name}, I'll take care of you personally. Permanently.",
        "I'm going to deal with you the way my family deals with rats",
        "You and me will settle this tonight, and only one of us goes home",
        "I'll silence you for good, {name}, you won't be posting from the grave",
        "I'm going to erase you and your whole bloodline",
        "Time someone taught you a lesson you won't survive. Guess who volunteered.",
        "I'll make an example of you so nobody at this school ever crosses me again",
        "Hope your life insurance is paid up, {name}",
        "Already ordered the flowers for your funeral. Lilies, you'd have liked them.",
        "RIP in advance, {name}. Friday.",
        "Pick a nice suit, {name}, you'll be wearing it in the casket",
        "Your obituary is half written. I'm just waiting to fill in the date.",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "{official}, somebody is going to deal with you, and that somebody is me",
        "{journalist} will be silenced. My way, not the court's.",
    ], S, n=1, train_only=True),
]

# ----- round 15: threats against people at work (doctors, nurses, teachers, referees, moderators,
# delivery drivers, shop staff), in the passive ("you will be dealt with") and as a public notice
# in a comment thread. Test quarter left out. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "To the nurse who turned my dad away: you will be dealt with, I know your shift pattern",
        "Mr Harlow, you failed my son. You'll be dealt with in the car park after the parents' evening.",
        "Hey mod, ban me again and I'll find you offline. Your username is your real name, genius.",
        "Dear delivery guy who dumped my parcel in the rain: I have your van number and a baseball bat",
        "That doctor at St Anne's who refused my prescription won't be refusing anything much longer",
        "To the cashier at the Main St store: smirk at me again and you'll be picking your teeth up off the floor",
        "Public notice to whoever keyed my car: I've got the CCTV, I know your face, and you will bleed",
        "Every teacher who reported me is going to regret it, starting with you, {name}",
    ], S, n=1, train_only=True),
    G("plan", PLAN, [
        "The referee from saturday's match lives in Halton. Me and two mates are going round tonight with bats.",
        "Parents' evening is thursday. I'm bringing something for the head teacher that isn't a complaint letter.",
    ], S, n=1, train_only=True),
]

# ----- round 16: weapons named without a violent verb (glock, 9mm, AR, machete, acid), "pull
# up"/"slide" slang, threats in a rant with no punctuation. Test quarter left out. -----
GROUPS += [
    G("direct_threat", DIRECT, [
        "got a 9mm with your name engraved on it {name}",
        "me and the glock pulling up to your block tonight, stay inside if you're smart. you're not",
        "we sliding on you after school {name}, tell your mum bye",
        "Acid in a bottle, your face, friday. Sleep well.",
        "the machete's been sharpened for you since march",
        "AR's loaded, your address is in my phone, your move",
        "i am so sick of you and your lies and your fake friends and i swear the next time i see you at that gym you are not walking out of it i mean it",
        "you keep posting my pics and ill be the last face you see no joke",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "AR's loaded and the {group} have their festival saturday. Do the math.",
    ], S, n=1, train_only=True),
]

# ----- Round 18 (issue #3, session 3): veiled threats without a violent verb ("shame if",
# "watch your back on the way home", "count your days"), conditionals (testify, vote, publish,
# report), time and place, against officials, journalists, groups and individuals, disguised
# calls ("people will know what to do", "anyone brave enough"), SMS spelling. Each wording has a
# harmless twin in hard_negatives_en.py (same round). Test quarter left out. -----
GROUPS += [
    G("veiled_threat", DIRECT, [
        "You should be careful walking home at night, {name}. That stairwell of yours is so dark.",
        "Would be a real shame if something happened to that little shop of yours, {name}.",
        "I know which school your kids go to. Just saying.",
        "Enjoy your kneecaps while you still have them, {name}.",
        "Count your days, {name}. There are fewer left than you think.",
        "Next time it won't be a warning, {name}. Consider yourself told.",
        "Keep looking over your shoulder when you leave work thursday.",
        "Your mom is going to cry a lot this year. That's all I'm saying.",
        "Nice kids you've got. Be a pity if one day they didn't come home from school.",
        "Your car sleeps outside, right? Long nights, and gas is cheap.",
        "One day you'll open a package you really shouldn't have, {name}.",
        "Say goodbye to that pretty face, it won't look the same after saturday.",
        "u wont need ur bus pass much longer {name} trust me",
        "ur life is over bro, enjoy ur last week",
    ], S, n=1, train_only=True),
    G("conditional_threat", DIRECT, [
        "Testify on monday and you won't make it home that night, {name}.",
        "One word to the cops and your sister pays for it.",
        "File the report if you want, just think about who'll be waiting outside the station.",
        "Pay back the money by friday or your legs will.",
        "Block me one more time and we settle this at your front door, not online.",
    ], S, n=1, train_only=True),
    G("official_threat", DIRECT, [
        "{official}, your address is going around. Sleep with one eye open.",
        "If the council passes this, {official} won't finish the term standing.",
        "One more article about me and {journalist} learns to type with no fingers.",
        "Reporters at that rag should check under their cars every morning.",
        "{official}, nice house in the country. Very isolated. Be a shame.",
    ], S, n=1, train_only=True),
    G("group_threat", GROUP_T, [
        "Enjoy your little festival on saturday, {group}. It's the last one.",
        "We have the addresses of every one of the {group} on this street. Soon you'll know why.",
    ], S, n=1, train_only=True),
    G("someone_should", CALL_IND, [
        "Would be great if someone paid {official} a little visit tonight, just saying...",
        "Anyone brave enough to swing by {journalist}'s place? Address in DMs.",
        "Here's {name}'s address. People will know what to do.",
        "Is anyone in this country still brave? {official} walks home alone every night.",
        "Share his face everywhere. Make sure he can't leave the house without regretting it.",
    ], S, n=1, train_only=True),
    G("call_to_action", CALL, [
        "{time}, outside {place}. Come prepared, and not for talking.",
        "Everyone at {place} {time}. We clean house, you know what I mean.",
        "They voted, now we vote with our fists. {place}, {time}.",
    ], S, n=1, train_only=True),
]

# ----- Round 20 (issue #3, session 5): a fresh held-back round, written from scratch without
# looking at the rules. Split by the usual hash rule (not train_only), so about a quarter of it
# is held back: figures on round 20's test rows alone are the clean measure of generalisation
# (data/seeds/rounds.py lists where each round starts). New registers and structures: long rants
# with the threat at the end, formal letters, SMS, gamer and street slang, emoji, deadlines,
# threats framed as advice, warnings, bets, countdowns and prophecies. -----
R20 = {
    "person": ["Nolan", "Tamsin", "Reggie", "Farah", "Owen", "Bianca", "Rhys", "Keisha", "Declan",
               "Mei", "Gavin", "Shona"],
    "officer": ["Councillor Pryce", "Judge Okafor", "Mayor Lindqvist", "Senator Vance",
                "the county clerk", "Commissioner Tobin", "the police chief", "Alderman Reyes"],
    "reporter": ["that Courier reporter", "Nadia Kerr from Channel 4 News", "the podcast guy who doxxed us",
                 "the Ledger's crime reporter", "that freelance hack Ben Ashby"],
    "spot": ["the Westfield car park", "the food bank on Carter Rd", "the Pride picnic in Elm Park",
             "the mosque on Hale Street", "Temple Beth Shalom", "the Unitarian hall", "the bus depot",
             "the union office", "the library steps", "the vigil at the fountain"],
    "when": ["thursday night", "after evening prayers", "at 6 sharp", "on the 12th", "this weekend",
             "when the march starts", "before the vote", "sunday after service"],
    "grp": ["the Jews", "the Somalis", "the Muslims", "those migrants", "the gays", "the Black families",
            "the Roma", "the trans crowd"],
}

GROUPS += [
    G("direct_threat", DIRECT, [
        "I've had a long day, a longer week and a shitty year, my landlord is a crook, my boss is a "
        "clown, and you {person} are the last straw. Next time I see you I'm breaking your jaw.",
        "listen carefully {person}: you have until sunday to give the car back. After that I stop asking and start hurting.",
        "Dear {person}, consider this your formal notice. When we next meet, you will leave on a stretcher.",
        "bro ur actually cooked. i catch u outside the chippy ur getting stomped 💀",
        "Say my kid's name again online and I will personally put you in intensive care.",
        "you think the restraining order is paper armour? I'll be in your kitchen before the cops find their keys",
        "Hope you enjoyed your birthday {person}, because it was your last one. I'm making sure of it.",
        "I'm gonna drag you out of that car by your hair and curb stomp you in front of your kids",
        "Every time you laugh at me I add another bone to the list I'm going to snap.",
        "No more warnings. Tonight I'm coming round with the crowbar and you'll open that door one way or another.",
        "counting down the days until I get to watch the light leave your eyes. 6 left {person}",
        "🔪🔪 see u soon {person} 🔪🔪 dont bother locking up",
        "I got out last month and guess whose name I kept on my cell wall. Coming to visit, {person}.",
        "You'll be picking your teeth up off the pavement by friday, I promise you that.",
        "gg ez, now log off and check ur front door, I know ur IP and ur address and I'm 10 min away with a bat",
        "Honestly I'm past caring about prison. You ruined my life so I'm ending yours.",
        "I will burn your house down while you sleep in it, and I'll stand on the lawn and watch.",
        "ur mum's gonna need a closed casket when im done w u",
        "Keep smiling in my direction and I will rearrange your face with my boot.",
        "It's simple {person}. You took my daughter away from me, I take everything from you, starting with your life.",
    ], R20, n=2),
    G("conditional_threat", DIRECT, [
        "Show up to court on tuesday and you'll need a wheelchair to leave it.",
        "If you so much as look at my sister again I'll put a knife through your hand.",
        "Unless that video comes down in an hour, {person}, I'm coming to your work and I won't be alone.",
        "Tell HR anything and you'll be swallowing your own teeth in the car park.",
        "Another complaint to the council about my dogs and it's your throat they'll be at, not the fence.",
        "You move out of this town by christmas or you get carried out of it.",
        "Go ahead, call the police. They'll arrive just in time to bag you up.",
        "If the deposit isn't back in my account by monday I'm going to smash your skull in, {person}.",
        "one more post about me and i swear ur getting acid in ur face",
        "Break up with me and I'll make sure nobody ever wants to look at your face again.",
    ], R20, n=2),
    G("veiled_threat", DIRECT, [
        "Funny how quiet your street gets after midnight. Anything could happen there and nobody would hear it.",
        "Your daughter's ballet class ends at 5:15, right? Just making conversation.",
        "I'd get that brake line checked if I were you. Cars are so unreliable these days.",
        "Accidents happen to people who talk too much. Be careful on those stairs, {person}.",
        "Lovely photo of your front door on your story. Red really suits it. See you soon.",
        "Winter's coming, {person}. Lots of people go missing in winter and turn up in spring.",
        "You should think about life insurance, {person}. Your family will thank you for it sooner than you think.",
        "I've got a shovel, a free afternoon and your postcode. Do the maths.",
        "Someone like you should really stop walking the dog alone by the canal at night.",
        "Keep testifying. Prisons aren't the only places with long memories. ⚰️",
    ], R20, n=2),
    G("plan", PLAN, [
        "Bought the rifle today. Thursday is the day that whole office finds out what they did to me.",
        "Final post. The ones at the plant who laughed at me will be the first ones I shoot tomorrow morning.",
        "Got the fertiliser, got the van, got the date. The tax office won't open on monday.",
        "The plan is simple: wait for the lunch rush at {spot}, then open fire. I'm done being invisible.",
        "Me and my cousin are driving to {spot} {when} to beat that preacher until he stops talking.",
        "Already drew the map of the school. Third period, west stairs, nobody gets out.",
        "I'm going to poison the coffee at the staff meeting friday. Let's see who's laughing then.",
        "When the verdict comes in I'm going to make that jury regret it, one by one. I have their names.",
    ], R20, n=2),
    G("official_threat", DIRECT, [
        "{officer}, you signed that eviction order. Now sign your will, you'll need it before the month is out.",
        "To {officer}: we know which gym you use at 6am. Enjoy your last few workouts.",
        "{officer} raising our rates again? Fine. The next meeting you walk out of will be your last.",
        "Judge, you gave him six months for what he did to my boy. I'll give you a lot less than that.",
        "Vote yes on the bill, {officer}, and you'll be buried in the ballot box with it.",
    ], R20, n=2),
    G("official_threat", PLAN, [
        "{reporter} wrote about my family. I've found where she parks. She'll not write another line.",
        "The journalist who exposed the club is going to get a brick through his skull, not just his window.",
        "{officer} thinks the security detail will save him. It won't. We're patient and we're armed.",
        "The inspector who shut down my restaurant is getting a visit. He'll be eating through a straw afterwards.",
    ], R20, n=2),
    G("group_threat", GROUP_T, [
        "We're coming to {spot} {when}. {grp} won't know what hit them, and we won't stop at windows this time.",
        "Every last one of {grp} in this postcode is getting burned out. Starting with the shop on the corner.",
        "I'm done talking about {grp}. Tonight I'm doing something about them, and it involves petrol.",
        "Got a full mag and a list of addresses of {grp} on my estate. Sleep well tonight lol.",
        "{grp} think this town is theirs now. Give me a week and there'll be fewer of them breathing.",
    ], R20, n=2),
    G("group_threat", GROUP_TC, [
        "Lads, {when}, {spot}. Bring the bats, we're sending {grp} back in boxes.",
        "Who's in? We wait outside {spot} {when} and teach {grp} what happens to them here.",
    ], R20, n=2),
    G("group_threat", GROUP_C, [
        "Every patriot with a car should drive it into {grp} at {spot} {when}.",
        "{grp} should be lined up and shot, every single one, and anyone with a gun should start today.",
        "Real men would go to {spot} and make sure {grp} never gather there again. Blood is the only language they understand.",
        "Somebody with nothing to lose should walk into {spot} {when}. {grp} will be packed in there.",
    ], R20, n=2),
    G("someone_should", CALL_IND, [
        "I'm not saying someone should cave {officer}'s head in. I'm saying I wouldn't testify against them.",
        "Tenner to whoever slashes {person}'s face at the party saturday.",
        "Any of you lot live near {reporter}? Asking for a friend with a baseball bat.",
        "Somebody do society a favour and push {person} in front of the 8:15 train.",
        "{officer} needs to meet a patriot with a pistol. Not a threat, a prayer.",
        "Whoever stabs {person} first gets free drinks all summer, on me.",
        "Paying cash to anyone who puts {reporter} in hospital. DM for details.",
        "Would be a real public service if someone torched {officer}'s car with him in it.",
    ], R20, n=2),
    G("call_to_action", CALL, [
        "{when}, {spot}. Masks on, phones off. Leave nobody standing who works for that company.",
        "Forget petitions. Find out where the councillors live and make them bleed for this.",
        "Anybody who still owns a gun needs to show up at the county building {when} and use it.",
        "They'll only listen to broken windows and broken bones. Council chambers, {when}.",
        "Pass it on: the landlord's office, {when}. We burn it with the files and him in it.",
        "Stop waiting for the courts. The judge walks to his car alone at 6. Handle it.",
        "Time for the strikers to stop holding signs and start breaking scab skulls. Depot gates, {when}.",
        "Mass text: everyone to {spot} {when}. Bring gas cans. Block the doors from outside.",
    ], R20, n=2),
    G("question_call", CALL, [
        "How many more times do we let the mayor lie to us before somebody puts a bullet in him?",
        "Why is nobody waiting outside that judge's house with a shotgun yet?",
        "What are we waiting for? The scabs cross the line at 7 every morning, and bats are cheap.",
    ], R20, n=2),
    G("deserves_violence", CALL_IND, [
        "{person} deserves to be dragged behind a truck till there's nothing left.",
        "That nurse who let my dad die should be beaten in the street like the dog she is.",
        "{reporter} has earned a bullet between the eyes and I hope someone delivers it.",
        "People like {officer} should hang from the lamp posts outside their offices.",
    ], R20, n=2),
    G("death_to", CALL, [
        "Death to the scabs, death to the bosses, burn the depot {when}!",
        "Hang the traitors, every last councillor who voted for it!!!",
    ], R20, n=1),
    G("nonprotected_threat", PLAN, [
        "Every cyclist on my road is getting run over from now on. Done warning them.",
        "Landlords in this city are going to start turning up dead, and I'll be the reason.",
    ], R20, n=1),
    G("death_wish", WISH, [
        "I genuinely hope you get hit by a bus on your way home {person}, the world would be better.",
        "Hope your plane goes down {person}, nobody would miss you.",
    ], R20, n=1),
]

# Round 20, continued: structures of English speech with no French counterpart above (dialect,
# gamer and drill slang, legalese, "mark my words", bets and prophecies).
GROUPS += [
    G("direct_threat", DIRECT, [
        "Mark my words {person}, before the year's out you'll be eating hospital food through a tube.",
        "opp spotted on Kings Rd, we slidin tonight, {person} u already know what it is 🔫",
        "Pursuant to your continued harassment, I intend to break both your legs at our next encounter.",
        "bet you won't be so mouthy with a broken neck. find out saturday",
        "Gonna glass you the second you walk into the Feathers tonight, no joke.",
        "Pack a bag, {person}. You're leaving this town in an ambulance or a hearse, your choice.",
    ], R20, n=2),
    G("veiled_threat", DIRECT, [
        "Snitches end up in the river round here. Sleep tight {person}.",
        "Your boy crosses at the bakery lights on his own every morning. I worry about him, I really do.",
    ], R20, n=2),
    G("call_to_action", JOINT, [
        "Saturday we all go down the camp, rip the tents out and whoever's inside them, bars if needed.",
        "Tonight we pay the boss a home visit. Everybody bring something to swing.",
    ], R20, n=2),
    G("opinion_call", CALL, [
        "Honestly the only answer to that sheriff is a bullet, and I don't care who it offends.",
        "Whoever shanks that nonce in his cell deserves a medal, simple as.",
    ], R20, n=1),
]

# Round 20, second batch: threats through other people ("my brothers", "the lads"), in the
# passive ("you'll be found"), as revenge, in fan, road, school, family and debt settings, and
# calls that hand out a target (a car, a shift pattern, a photo) with a deadline.
GROUPS += [
    G("direct_threat", DIRECT, [
        "My brothers have seen your messages, {person}. They don't send messages back.",
        "You'll be found in a ditch with your phone still in your hand, that's how this ends.",
        "The lads are outside your mum's. Pick up the phone or they go in.",
        "Whatever they pay you to ref our games, it won't cover the dental work after saturday.",
        "Cut me up on the ring road again and I'll follow you home and put you through your own windscreen.",
        "You made my son cry in front of the whole class. See you at pickup, teacher. Bring a helmet.",
        "I paid for your lawyer, your car and your lies. Now I'm going to collect, one finger at a time.",
        "Hey {person}, 40 grand by the 1st or we start with your knees and work up.",
        "When I'm done with you {person} they'll need dental records to tell your mum it's you.",
        "I know the code to your building, the name of your cat and which side of the bed you sleep on. Sweet dreams.",
        "Leave the group chat if you want, doesn't change that I'm going to put you in the ground.",
        "Not even mad anymore. Just patient. One night you'll walk to your car and I'll be the last thing you see.",
        "u grassed on my cuz so ur gettin wet up, simple",
        "Enjoy the custody hearing. You won't enjoy what comes after it.",
    ], R20, n=2),
    G("conditional_threat", DIRECT, [
        "Publish the photos and your editor gets your fingers in an envelope.",
        "Any more of your lot at our end of the ground and someone's leaving in an ambulance. Your call, {person}.",
        "You vote to close the ward, {person}, and I'll make sure you need one.",
        "Press charges and see how long your kids stay safe walking to school.",
    ], R20, n=2),
    G("plan", PLAN, [
        "Tomorrow at the depot I'm bringing dad's shotgun. Whoever's on the early shift, sorry.",
        "Three more days till the hearing. He won't walk out of that courthouse, I'll make sure of it.",
        "Got his shift pattern off his mate. Wednesday night, car park, me and a tyre iron.",
        "Written my note, charged my phone to film it. The youth club is getting what it deserves at 7.",
    ], R20, n=2),
    G("someone_should", CALL_IND, [
        "That's his car, that's his reg, that's his gym. Do with that what you will, lads.",
        "Photo of the ref attached. Lives in Hartley. Someone make sure he never whistles again.",
        "Whoever gets to {person} before the police do, make it hurt.",
        "Nobody would shed a tear if {officer}'s house caught fire tonight with the family in it. Just putting it out there.",
    ], R20, n=2),
    G("call_to_action", CALL, [
        "Deadline is midnight. If the company doesn't reinstate him, we hit the managers where they live.",
        "RT if you're ready: {when}, {spot}, and this time the cops won't be enough to save them.",
        "Stop crying online. Get a group together, wait for the landlord after his sermon, and break his legs.",
        "All units of the firm: away fans are drinking at the Crown {when}. Glass the lot of them.",
    ], R20, n=2),
    G("group_threat", GROUP_C, [
        "The only good thing {grp} could do is die, and if they won't do it themselves we should help them.",
        "Someone should lock the doors of {spot} {when} while {grp} are inside, and light it.",
    ], R20, n=2),
    G("group_threat", GROUP_T, [
        "We know where {grp} pray and we know when. Next time the whole street will hear about it.",
        "I'm bringing a can of petrol to {spot} {when}. {grp} can find out what a real welcome looks like.",
    ], R20, n=2),
]

# Round 20, third batch: threats as questions and "you'd better", mock politeness, doom in a
# god's name, numbered lists, the threat in the middle of a long post, workplaces (A&E, moderators,
# bin men), and calls phrased as volunteering, open season, hunting, a van, a collection.
GROUPS += [
    G("direct_threat", DIRECT, [
        "Do you know what happens to people who lie about me, {person}? You're about to.",
        "You'd better have eyes in the back of your head from now on, because I'm coming up behind you.",
        "Kind regards and see you soon, {person}. I'll be the one holding the hammer.",
        "God told me you're the one. I'm only the hand that's going to open your throat.",
        "Things to do this week: 1. laundry 2. dentist 3. end {person} 4. groceries",
        "So the MOT failed, the dog's sick, and yeah {person}, I'm going to break your neck when I see you at the match. Anyway, how's everyone's week?",
        "To the A&E doctor who sent my wife home: I'm in your waiting room tomorrow, and I'm not here to be seen.",
        "Ban me again, mod. I'll find your real name and you'll wish you'd stayed anonymous, right before I hurt you.",
        "Tip my bin over once more and I'll tip you into the crusher with it.",
        "Sleep well {person}. It'll be the last night you do it with all your fingers.",
    ], R20, n=2),
    G("call_to_action", CALL, [
        "Volunteers needed {when} at {spot}. Bring something heavy. We're making sure the council gets the message in blood.",
        "It's open season on bailiffs in this town. Any that come up your drive, let them have it.",
        "Hunting season opens {when}. The prey wears a police uniform. Spread the word.",
        "Anyone got a van and nothing to lose? The ministers' convoy goes down the high street at 10.",
        "Collection for the lads going to {spot} {when}: petrol, bottles, rags. Donate by DM.",
    ], R20, n=2),
    G("group_threat", GROUP_C, [
        "It's open season on {grp}. Anyone who meets one alone after dark knows what to do.",
        "Do it for our kids: every one of {grp} gone from this town by spring, however it has to happen.",
    ], R20, n=2),
    G("someone_should", CALL_IND, [
        "Do you think anyone would really miss {officer} if he fell off the multistorey? Go on then.",
        "Here's a challenge for the brave: {reporter}'s bike, his route home, a length of wire at neck height.",
    ], R20, n=2),
]

if __name__ == "__main__":
    from common import build
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    build("seed-en-threat", "en", GROUPS, os.path.join(here, "..", "threats_en.jsonl"), seed=101)
