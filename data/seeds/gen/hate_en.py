"""English hate against protected groups where the pool is thin (antisemitism, anti-Black,
Muslims, migrants, LGBTQ, Roma), and the traps a bag-of-words model gets wrong: negation,
counter-speech, positive and neutral mentions, reclaimed terms, criticism of a government
or an ideology. Synthetic, written by the vigie team to train and test a moderation model.
"""

from common import Group as G, labels

HATE = labels(hate=1, vt=0, inc=0, har=None, tox=1)
HATE_VIOLENT = labels(hate=1, vt=0, inc=1, har=None, tox=1)
OK = labels(hate=0, vt=0, inc=0, har=0, tox=0)
OK_QUOTE = labels(hate=0, vt=0, inc=0, har=0, tox=None)     # quotes a slur or trope to reject it
RECLAIMED = labels(hate=0, vt=0, inc=0, har=None, tox=None)
CRITIC = labels(hate=0, vt=0, inc=0, har=0, tox=None)       # harsh political criticism, no people attacked

S = {
    "media": ["the media", "Hollywood", "the banks", "the Fed", "the news networks", "big tech", "the publishing houses"],
    "city": ["Chicago", "Detroit", "Atlanta", "Memphis", "Baltimore", "our town", "this city"],
    "rel": ["Muslims", "Jews", "Sikhs", "Hindus", "Catholics"],
    "grp": ["Black people", "Jewish people", "Muslims", "immigrants", "gay people", "trans people",
            "Roma people", "Mexicans", "refugees", "Asian Americans"],
    "grp_s": ["Black", "Jewish", "Muslim", "gay", "trans", "Roma", "Mexican", "Asian"],
    "name": ["Goldberg", "Rosenthal", "Cohen", "Levy", "Feinstein", "Silverman"],
}

GROUPS = [
    # ---------- antisemitism ----------
    G("antisemitism", HATE, [
        "The Jews control {media}, wake up", "Notice who owns {media}? Every time. (((they))) always do",
        "(((Goldberg))) strikes again, of course he's behind it", "Jews are loyal to Israel first, never to this country",
        "you can never trust a Jew with money", "The Holocaust never happened, it's a hoax to get reparations",
        "6 million? the numbers don't add up, never happened", "holohoax lol",
        "Jews started every war for profit", "the Rothschilds own all the central banks and pull the strings",
        "Globalist bankers (you know who) are flooding the west with migrants on purpose",
        "Jewish lobby owns every politician in Washington", "Every time there's a financial crash, follow the shekels",
        "Jews killed Jesus and they've been poisoning nations ever since", "the happy merchant strikes again 🤑",
        "Just another {name} running {media}. Coincidence? Sure.", "Hitler was right about them",
        "ZOG runs the government, we are an occupied country", "The Jews are behind the great replacement",
        "anne frank didnt write that diary, total fraud", "jew them down on the price lol",
        "Orthodox kids are raised to hate us goyim, read the Talmud", "The tribe protects its own, always",
        "Every Jewish neighbour is an Israeli spy in waiting", "kike bankers wrecked the economy again",
        "Jews are a parasite race living off host nations", "its always the jews, every single time",
        "Shekel-counting rats, the lot of them", "A certain billionaire 'philanthropist' funds every riot, he and his people want chaos 🤑",
        "Notice how the Jews always play the victim card to get power",
    ], S, n=2),
    G("antisemitism", HATE_VIOLENT, [
        "Gas the kikes, race war now", "6 million wasn't enough", "The only good Jew is a dead one",
    ], S, n=1),
    # ---------- anti-Black ----------
    G("anti_black", HATE, [
        "Black people are basically apes with phones", "Those monkeys in {city} destroyed another neighbourhood",
        "Blacks are genetically violent, look at the stats", "Send them back to the jungle where they belong",
        "never hire a black guy, they're lazy and steal", "they're animals, not people, look at {city}",
        "13% of the population, 50% of the crime. They can't be civilised", "Black people have lower IQs, it's just science",
        "Another n*gger thug robbing a store, shocking",
        "go pick cotton, boy", "Africa is a continent of savages, always was", "darkies ruin every place they move into",
        "Blacks should be grateful we brought them here", "Jungle bunnies everywhere in this city now",
        "sheboon screaming on the bus again", "Look at that gorilla dressed in a suit, thinks he's a lawyer",
        "Black neighbourhood = no go zone. Animals", "Bet he has 6 kids with 6 baby mamas and no job. Typical.",
        "Slavery was the best thing that happened to them", "bananas for the kids on the team lol 🐒",
        "Colored folk shouldn't be allowed to vote", "No wonder Haiti is a dump, look who lives there",
        "Every black man is a criminal in waiting", "Their culture is nothing but crime and welfare",
        "white women who date black guys are traitors to their race",
    ], S, n=2),
    G("anti_black", HATE_VIOLENT, [
        "Bring back lynching for these animals", "string up every n*gger who riots", "hang them from the trees like the old days",
    ], S, n=1),
    # ---------- Muslims, migrants, LGBTQ, Roma ----------
    G("anti_muslim", HATE, [
        "Muslims are all terrorists waiting for orders", "Islam is a cancer and every Muslim carries it",
        "Can't trust a Muslim, they lie to infidels, it's in their book", "Muslim immigrants are rapists, every one of them",
        "goat fuckers should go back to the desert", "Ban all Muslims, they breed like rats",
        "every mosque is a terrorist training camp", "sand n*ggers everywhere in this town now",
        "Muslims are invading Europe through the maternity ward",
    ], S, n=2),
    G("anti_migrant", HATE, [
        "Immigrants are vermin crossing the border", "These invaders are parasites on our welfare",
        "Mexicans are rapists and drug dealers", "illegals are animals, not humans", "Third-world scum are replacing us", "these migrants smell and carry disease",
        "wetbacks took all the jobs in this town",
    ], S, n=2),
    G("anti_lgbtq", HATE, [
        "Gays are pedophiles, keep them away from kids", "trannies are mentally ill freaks",
        "Being gay is a disease that should be cured by force", "faggots are ruining this country",
        "Trans women are men in dresses who want to rape girls", "homos are an abomination and deserve AIDS",
        "Lesbians just need a real man", "dykes and fags shouldn't be allowed near schools",
    ], S, n=2),
    G("anti_roma", HATE, [
        "Gypsies are born thieves", "lock your car, the gypsies are in town", "Roma are a plague on every city they camp in",
        "gyppos are subhuman", "They're all pickpockets and beggars, that's their culture",
    ], S, n=2),
    G("anti_asian", HATE, [
        "Chinks brought the virus", "Asians are bugs, they eat anything", "go back to China you virus spreader",
    ], S, n=1),
    # ---------- traps: negation ----------
    G("negation", OK, [
        "I don't hate Muslims.", "I have nothing against Jewish people", "I don't think {grp} are criminals",
        "No, {grp} are not the problem here", "It's not true that Jews control {media}. That's an old lie.",
        "Black people are not more violent than anyone else; poverty explains the stats",
        "I've never believed immigrants steal jobs", "Gay people aren't a threat to kids, that's a myth",
        "There is no such thing as a 'Jewish conspiracy'", "Islam is not a terrorist religion",
        "not all Muslims are terrorists — in fact almost none are", "I'm not racist and I don't want to be",
        "Roma people are not thieves, stop saying that", "Being trans is not a mental illness according to the WHO",
        "Trans women are women, and no, they're not a danger in bathrooms",
    ], S, n=2),
    # ---------- traps: counter-speech ----------
    G("counter_speech", OK_QUOTE, [
        "Someone on my feed said 'the Jews control the media'. No. This is an antisemitic conspiracy theory.",
        "Calling Black people 'monkeys' is racist, full stop. Reported.",
        "'Go back to your country' — my grandma heard that in 1962 and I hear it today. We're not going anywhere.",
        "Holocaust denial is antisemitism. Six million people were murdered.",
        "Stop using (((echoes))) around names. We know what it means.",
        "The 'great replacement' is a racist conspiracy theory that has inspired massacres",
        "If your joke needs the n-word to be funny, it isn't a joke",
        "People saying 'all Muslims are terrorists' should meet my neighbours who run the food bank",
        "When someone calls trans people 'mentally ill freaks', say something. Silence helps them.",
        "The Rothschild trope is centuries old and still being used to blame Jews for everything",
        "Gypsy is considered a slur by many Roma; please say Roma",
        "No, Mexicans are not 'rapists and drug dealers'. Shame on anyone who repeats that.",
        "The 'dual loyalty' accusation against Jewish officials is a classic antisemitic trope",
        "Saw a swastika sprayed on a Jewish school today. Disgusting. Hate has no home here.",
        "Comparing refugees to cockroaches is how genocides start. Read about Rwanda.",
        "My son was called a f*ggot at school. We're meeting the principal tomorrow.",
        "Whoever shouted 'monkey' at our striker should be banned for life",
    ], S, n=1),
    # ---------- traps: positive ----------
    G("positive_group", OK, [
        "Black people are wonderful", "{grp} have made this country better in so many ways",
        "So proud of our {grp_s} community today", "My {grp_s} neighbours are the kindest people on the street",
        "Happy Hanukkah to all my Jewish friends! 🕎", "Eid Mubarak to everyone celebrating 🌙",
        "Black history is American history", "Immigrants built this city and keep it running",
        "Love is love 🏳️‍🌈 Happy Pride!", "Trans kids deserve to be safe and loved",
        "The Roma musicians at the festival were incredible", "Shabbat shalom from our family to yours",
        "Shoutout to the Muslim volunteers who fed the whole shelter during Ramadan",
        "Celebrating Juneteenth with the family 🎉", "Jewish culture has given the world so much",
        "my best friend is gay and he's the funniest person I know",
    ], S, n=2),
    # ---------- traps: neutral ----------
    G("neutral_mention", OK, [
        "The synagogue on Elm street is hosting an open day on sunday", "Muslims fast from dawn to sunset during Ramadan",
        "The census shows the Black population of {city} grew by 4%", "Passover starts next week",
        "What's the difference between Sunni and Shia Islam?", "Jewish law has different rules for meat and dairy",
        "The mosque extension was approved by the council", "{grp} make up about 12% of the state population",
        "The migrants arrived in Lampedusa overnight, the coast guard said", "The bill on same-sex adoption passes its second reading",
        "Romani is an Indo-Aryan language", "The rabbi and the imam will speak together at the interfaith event",
        "How do you pronounce Yom Kippur?", "Black-owned businesses directory for {city}, please share",
        "The museum's new wing covers the history of Jewish immigration to New York",
        "Is the bakery kosher or just kosher-style?", "My grandmother was a Holocaust survivor; she spoke at schools until 95",
    ], S, n=2),
    # ---------- traps: reclaimed ----------
    G("reclaimed", RECLAIMED, [
        "my n*gga we made it!!! 🎉", "that's my nigga right there, 20 years of friendship",
        "We're here, we're queer, get used to it", "Queer and proud, always", "dyke march this saturday, come thru",
        "as a fat gay fag I approve this message lol", "my fellow homos, brunch at 11",
        "Tranny is a word only we get to use, and barely", "Proud to be a Black queer woman",
    ], S, n=1),
    # ---------- traps: criticism of governments / ideologies ----------
    G("criticism_government", CRITIC, [
        "The Israeli government's settlement policy violates international law",
        "I oppose Netanyahu's coalition and its judicial overhaul", "Criticising Israel's bombing of Gaza is not antisemitism",
        "The Saudi regime's human rights record is appalling", "Iran's government executes protesters. Shameful.",
        "China's treatment of Uyghurs is a crime against humanity", "Religious fundamentalism of any kind has no place in schools",
        "I think all religions are nonsense, including mine", "The Vatican covered up abuse for decades",
        "Zionism as a political ideology deserves debate like any other", "Immigration quotas should be lower, we can't house everyone",
        "Our asylum system is broken and slow, fix the backlog", "Sharia law is incompatible with secular democracy in my view",
    ], S, n=1),
]

GROUPS += [
    G("antisemitism", HATE, [
        "The JQ is the only question that matters", "1488. Figure it out.", "rootless cosmopolitans are destroying our nations",
        "Khazarian mafia runs the world banks", "Globalists want you poor. And we know which tribe the globalists belong to.",
        "Look at the nose on that banker lmao typical", "oy vey the goyim know, shut it down",
        "Every Hollywood producer is from the same tribe and they push degeneracy on our kids on purpose",
        "Synagogues should pay for the wars they start", "Jewish doctors are poisoning our kids with vaccines",
        "Another day, another Jew lying about the 'Holocaust' to guilt white people",
        "They'll never tell you Auschwitz had a swimming pool", "Yids out of our universities",
        "the Zionist occupied media won't report this, because they're all Jews",
        "No wonder the economy is crashing, a {name} is running the treasury",
        "Hitler did nothing wrong", "the Jew will always betray you, history proves it",
        "Israel did 9/11 and the Jews in New York knew to stay home",
    ], S, n=1),
    G("anti_black", HATE, [
        "Another dindu who did nothing, right?", "Fatherless savages rioting again", "13/50, it's always the same",
        "chimpout in the mall again, you know who", "Watch out for the joggers in your neighbourhood 😉",
        "Blacks ruin every city they take over, look at Detroit", "She's pretty for a black girl",
        "They can't even run their own countries, why would we let them vote here?",
        "Welfare queens popping out kids to get more checks", "Black men are built for prison, not for offices",
        "uncle tom coon licking boots for the white man", "if they didn't want to be called monkeys they shouldn't act like it",
        "Nobody wants a black family on the street, property values drop",
    ], S, n=1),
    G("anti_muslim", HATE, [
        "Muzzies out!", "Islam is not a religion, it's a death cult and its followers are savages",
        "Every Muslim family is a sleeper cell", "Burkas on the bus, might as well be Kabul. These people are backwards animals",
        "Muslim men are all wife beaters and groomers", "Ramadan = 30 days of terror attacks",
    ], S, n=1),
    G("anti_migrant", HATE, [
        "these invaders breed like rats and live off our taxes", "Illegals are disease-ridden savages",
        "Haitians eat cats, everyone knows it", "The boats are bringing rapists and terrorists, every single one",
        "Somalis are too stupid to work, send them back", "Migrants are a plague, they ruin every town they touch",
    ], S, n=1),
    G("anti_lgbtq", HATE, [
        "Groomers! every gay teacher is a groomer", "Trans people are an abomination against God and nature",
        "two fags holding hands in the park, disgusting, they should be locked up",
        "Gays shouldn't be allowed to adopt, they'll abuse the kids", "it's Adam and Eve not Adam and Steve, perverts",
        "The alphabet people are mentally ill and dangerous",
    ], S, n=1),
    G("anti_roma", HATE, [
        "Roma kids are trained to steal from birth",
    ], S, n=1),
    G("negation", OK, [
        "I don't think Jews control anything, they're just people like us", "Never said Black people are lazy. Never would.",
        "I've never had a problem with my Muslim coworkers", "Immigrants aren't vermin, they're people fleeing war",
        "I do not support antisemitism in any form", "No one is born a criminal because of their skin colour",
        "Gay teachers aren't groomers, stop spreading that", "Haitians do not eat pets, that rumour is false",
        "Not a single one of my Roma neighbours has ever stolen anything", "I'm not saying Mexicans are criminals, I'm saying the border needs funding",
    ], S, n=1),
    G("counter_speech", OK_QUOTE, [
        "'Dindu' is a racist slur mocking Black victims of police violence. Don't use it.",
        "1488 is a neo-Nazi code. If you see it in a username, report it.",
        "People who say 'Hitler did nothing wrong' are not edgy, they're Nazis.",
        "The 'Khazar' theory is pseudo-history invented to delegitimise Jews",
        "'Groomer' is the new slur against gay people. We see what you're doing.",
        "The replies under this Black actress's post are full of monkey emojis. Shameful. Mods, please act.",
        "Our community was called 'vermin' in 1938 too. We know where that leads.",
        "The rumour that Haitians eat pets was invented and it got families threatened",
        "Saying 'they breed like rats' about Muslims is dehumanising language, full stop",
        "Stop calling Roma 'gypsy scum'. They were murdered in the Holocaust too.",
        "Kids are repeating 'Adam and Steve' jokes at school; talk to your children about it",
    ], S, n=1),
    G("positive_group", OK, [
        "Jewish, Black, Muslim, gay: my neighbourhood is all of it and I love it",
        "Proud of my Haitian heritage 🇭🇹", "Muslim women in science, thread of amazing researchers 🧵",
        "The Black-owned bakery on 5th makes the best bread in town",
        "Our synagogue and the mosque next door run a food drive together every winter",
        "Trans people have always existed and they always will. Love to all of you.",
        "Big thanks to the Roma family who returned my lost wallet with everything in it",
        "The refugee kids in my class are some of the hardest-working students I've had",
    ], S, n=1),
    G("neutral_mention", OK, [
        "As a Jewish woman I have opinions about this bagel debate", "Black Lives Matter protest planned downtown saturday",
        "The Torah portion this week is about Joseph", "Does anyone know a halal butcher near {city}?",
        "The documentary follows three generations of a Roma family in Romania",
        "The study looks at the experiences of trans employees in the workplace",
        "My Muslim roommate asked me to keep the fridge pork-free during Ramadan, easy",
        "Mexican Independence Day parade route this year goes past the library",
        "Is it Hanukkah or Chanukah?", "How many Jews live in France? Around 450,000 apparently",
    ], S, n=1),
    G("reclaimed", RECLAIMED, [
        "my niggas really threw me a surprise party, I'm crying", "yo nigga where you at, game starts in 10",
        "sis said she's a proud dyke and I love that for her", "us queers gotta stick together",
        "just a couple of fags living our best life in Provincetown 🌈",
    ], S, n=1),
    G("criticism_government", CRITIC, [
        "The Israeli army's blockade is collective punishment, and I say that as a Jew",
        "The Nigerian government is corrupt and failing its people", "Hamas is a terrorist organisation and should be condemned",
        "The Taliban government is oppressing Afghan women", "I'm against the Catholic Church's stance on contraception",
        "Erdogan's crackdown on journalists is shameful", "Scientology is a cult, change my mind",
    ], S, n=1),
]

GROUPS += [
    G("antisemitism", HATE, [
        "Do your own research. Look at who sits on the boards of the biggest banks, the news networks and the film studios. Then look at the percentage of the population they are. It's not a coincidence, it's a plan, and they've been running it for centuries.",
        "Every war in the last hundred years made the same families rich. Every bank bailout, same families. And if you point it out they scream 'antisemitism' because that's the only shield they have left. Wake up.",
    ], S, n=1),
    G("anti_black", HATE, [
        "I'm not racist, I'm just honest: I moved out of {city} because the Blacks turned it into a zoo. Every night sirens, every week a shooting. They can't live in a civilised society and the stats prove it.",
    ], S, n=1),
    G("anti_migrant", HATE, [
        "They come here with nothing, contribute nothing and expect everything. Third-world parasites breeding in our council houses while our own veterans sleep on the street. The invasion is real and the vermin keep arriving every day.",
    ], S, n=1),
    G("counter_speech", OK_QUOTE, [
        "My grandparents survived Auschwitz. Today someone in my replies told me it 'never happened' and that Jews 'run the banks'. I'm not going to argue with him. I'm going to keep telling their story, in schools, every year, for as long as I can.",
        "Teachers: when a student repeats 'Black people are more violent, look at the stats', don't just shut it down. Show them how poverty, policing and sentencing shape those numbers. That's how you actually change a mind.",
    ], S, n=1),
    G("positive_group", OK, [
        "Went to my first Shabbat dinner at my girlfriend's family tonight. Her grandmother made enough food for forty people and made me promise to come back next week. I've never felt so welcome anywhere. Shabbat shalom ❤️",
        "Shoutout to the Somali restaurant on Main st that fed the whole fire crew for free during the floods. This city is lucky to have you. Go eat there this weekend, the sambusas are unreal.",
    ], S, n=1),
    G("criticism_government", CRITIC, [
        "You can oppose the Israeli government's war and still stand up for Jewish students being harassed on campus. Those two things are not in conflict, and anyone telling you they are is selling you hate.",
    ], S, n=1),
]

GROUPS += [
    G("antisemitism", HATE, [
        "Jews will not replace us!", "funny how it's always a {name}", "ask yourself why they're 2% of the population and 50% of the billionaires",
        "who runs the fed? 🤔✡️", "jewish privilege is real and nobody's allowed to talk about it", "they own the media so of course you never hear this",
        "Name a war they didn't profit from. I'll wait.", "holocaust? more like holocost, billions in reparations lmao",
        "not surprised the judge is a {name}. they stick together", "Every time I see a synagogue I think of the money they stole from us",
        "the Talmud says goyim are cattle, look it up", "Oy vey, another shoah joke, someone call the ADL 😂",
    ], S, n=1),
    G("anti_black", HATE, [
        "typical black behaviour", "they act like animals because they are animals", "is it a zoo or a Walmart? can't tell with all the monkeys",
        "another day, another black 'teen' shooting up a party", "Black doctor? I'd rather die than let one touch me",
        "They'll never be as smart as us, it's in the genes", "Africans don't deserve independence, look what they did with it",
        "Why are they always so loud and ghetto", "I don't want my daughter bringing one of THEM home",
    ], S, n=1),
    G("anti_muslim", HATE, [
        "Islam = terrorism, it's that simple", "Muslims don't integrate, they invade", "Sharia scum go home",
        "I wouldn't rent to a Muslim, they'll build bombs in the kitchen", "Each Muslim baby is a future jihadi",
    ], S, n=1),
    G("anti_lgbtq", HATE, [
        "Pride month is degeneracy month", "keep your gay agenda away from my kids, you predators",
        "trans is a mental illness and we shouldn't indulge it, they need locking up", "I'd disown my son if he turned out gay, sick people",
    ], S, n=1),
    G("negation", OK, [
        "I'm Christian and I don't think Jews are going to hell, stop saying that in my name",
        "I don't buy into any of that 'they control the banks' stuff", "No, Black people are not loud, some people are loud",
        "i dont hate gay ppl lol why would i", "not every Muslim is religious and none of them owe you an apology",
        "Africa isn't a country and it isn't 'a dump', it has 54 very different countries",
    ], S, n=1),
    G("counter_speech", OK_QUOTE, [
        "'Jews will not replace us' was chanted in Charlottesville before a woman was murdered. Never forget what that slogan leads to.",
        "'Typical black behaviour' is not an observation, it's racism. Please stop.", "Calling Pride 'degeneracy month' is homophobia, not an opinion",
        "The Talmud quotes going around about 'goyim are cattle' are fabricated, they've been debunked for decades",
    ], S, n=1),
    G("positive_group", OK, [
        "so grateful for the Black teachers who shaped me 🙏", "my muslim neighbour shovelled my driveway again, legend",
        "Happy Purim! 🎭", "First Pride with my kids this year, they loved the parade 🏳️‍🌈", "Roma culture is so rich, the music, the crafts, the food",
        "immigrants make this country better, full stop", "Jewish humour is the best humour, I said what I said",
    ], S, n=1),
    G("neutral_mention", OK, [
        "which mosque does Friday prayer at 1pm near {city}?", "How long is the fast on Yom Kippur?",
        "My family is half Jewish half Catholic so December is chaotic", "The Black Caucus introduced a bill on maternal health",
        "trans healthcare policy was debated in parliament today", "The Roma holocaust is called the Porajmos",
    ], S, n=1),
    G("reclaimed", RECLAIMED, [
        "me and my girls are all queer and thriving", "yo my nigga just got engaged!!!", "the dyke bar downtown has the best karaoke",
    ], S, n=1),
]

NONPROT = labels(hate=0, vt=0, inc=0, har=None, tox=1)
GROUPS += [
    G("non_protected", NONPROT, [
        "Politicians are scum, all of them", "vegans are a plague on society", "Boomers are parasites sucking the system dry",
        "Landlords are vermin", "Crypto bros are subhuman idiots", "lawyers are bloodsucking leeches", "Flat earthers are brain-dead morons",
        "Cyclists are cockroaches on wheels", "Tories are a cancer on this country", "influencers are a disease",
    ], S, n=1),
    G("derogation", HATE, [
        "{grp} are a cancer on this country", "{grp} belong in a zoo", "I'd never trust a single one of them, {grp} are all liars",
        "{grp} are disgusting, I can't stand being near them", "{grp} are a plague", "{grp} are less than human",
    ], S, n=2),
    G("slur_spelling", HATE, [
        "n1gg3rs everywhere", "f4gg0ts ruining tv", "k1kes own everything", "filthy sandn1gger", "go back to africa n i g g e r",
        "ihatejews", "allmuslimsareterrorists", "blacksareanimals",
    ], S, n=1),
]

GROUPS += [
    G("not_x_but", HATE, [
        "I'm not racist but Black people are basically animals", "No offense but gays are disgusting",
        "I don't hate Muslims, I just think every one of them should be deported", "I'm not antisemitic, I just notice who runs the banks",
        "I don't think Jews are really human, sorry", "Not all Mexicans are criminals, just most of them",
        "I have nothing against trans people, I just think they're mentally ill and shouldn't be around kids",
        "I'm not saying Roma are thieves, I'm saying lock your doors when they're around, because they are",
        "I never said I hate immigrants. I said they're parasites.", "it's not racism if it's true: blacks are less intelligent",
    ], S, n=1),
    G("endorsed_quote", HATE_VIOLENT, [
        "As my grandpa used to say, 'the only good Muslim is a dead Muslim', and he was right",
    ], S, n=1),
    G("endorsed_quote", HATE, [
        "Like that politician said: 'Mexicans bring crime, they're rapists.' Exactly.",
        "Someone at work said Jews run Hollywood and honestly? He's not wrong.",
        "'Immigrants are vermin' — finally someone on TV says it like it is 👏",
    ], S, n=1),
]

GROUPS += [
    G("glorified_violence", HATE_VIOLENT, [
        "Too bad the ovens ran out of gas",
        "they should have finished the job in 1945",
        "Refugees are cockroaches, spray them",
        "Gypsy scum stole my bike, they should all be sterilised",
        "these n1ggas should be back in chains",
    ], S, n=1),
]

GROUPS += [
    G("anti_muslim", HATE, [
        "A moderate Muslim is just a terrorist waiting for his turn", "Every hijabi is a walking time bomb", "Muslims have violence in their blood",
        "A Muslim will never be truly British, never", "Mosques are nests of vipers", "Islam is the green plague",
        "ragheads out of our country", "they marry their cousins and behead their daughters, savages",
    ], S, n=1),
    G("anti_roma", HATE, [
        "Gypsies steal children, everyone knows it", "A Roma with a job? Never seen one", "Gyppos live like rats and smell like them",
        "Bulldoze their camps and send them back to Romania, the parasites", "Travellers are a criminal race, lock up your tools",
    ], S, n=1),
    G("anti_migrant", HATE, [
        "Every migrant is a potential rapist", "These aren't refugees, they're animals", "Africa is sending us its garbage",
        "They're not fleeing war, they're leeches coming to live off us", "Unaccompanied minors my arse, they're all 30-year-old criminals",
        "Illegals are a disease spreading through our towns",
    ], S, n=1),
    G("anti_lgbtq", HATE, [
        "Gays are deviants who should stay in the closet", "A trans person is a sick freak who should be institutionalised",
        "Lesbians are just bitter women who never found the right man", "Homosexuality is unnatural and these people are perverts",
        "Non-binary people are attention-seeking mental cases", "Drag queens are pedophiles, full stop", "bisexuals are just greedy sluts",
    ], S, n=1),
    G("neutral_mention", OK, [
        "The debate on headscarves in schools is back in parliament", "The council cleared the Traveller site on Mill Lane this morning",
        "The rescue ship picked up 80 people off the coast of Libya", "Same-sex marriage became legal in England and Wales in 2014",
        "Ramadan begins on monday according to the central mosque", "Pride in London drew over a million people this year",
        "What documents do you need to claim asylum in the UK?", "The gender recognition bill passed its first reading",
    ], S, n=1),
    G("negation", OK, [
        "No, wearing a hijab does not make a woman a terrorist", "Roma do not steal children, that's an old racist myth",
        "Migrants are not rapists, stop generalising", "Being gay is not a disease and it is not unnatural",
        "A Muslim can absolutely be British, the question doesn't even arise",
    ], S, n=1),
    G("counter_speech", OK_QUOTE, [
        "'Gypsies steal children': that rumour has caused lynchings across Europe. Stop sharing it.",
        "Calling a woman in a hijab a 'time bomb' is Islamophobia, not secularism",
        "'Unnatural' is not an argument, it's homophobia", "'They're not fleeing war' — tell that to the Syrian family in my building who lost everything",
    ], S, n=1),
    G("positive_group", OK, [
        "My Roma coworker is the best welder in the shop", "Volunteers from the mosque served 500 meals during the cold snap",
        "Huge respect to the lifeboat crews who brought those families home alive", "My two mums taught me to be proud of who I am 🏳️‍🌈",
        "My Afghan neighbour taught me to make bolani, so good", "Trans joy is real and it's beautiful",
    ], S, n=1),
    G("criticism_government", CRITIC, [
        "Islamism is a political ideology to be fought; that's not the same as Muslims", "I oppose religious symbols in state schools, all of them",
        "The government's migration policy is incoherent and cruel", "The Church of England still hasn't reckoned with its abuse scandals",
    ], S, n=1),
]

# ----- round 8: hate without slurs (stereotype stated as fact, rhetorical questions, "just
# asking", statistics twisted, coded words), antisemitism and anti-Black racism first; traps in
# the same wording (news, counter-speech, negation, praise). Test quarter left out. -----
GROUPS += [
    G("antisemitism", HATE, [
        "Funny how every regime-change war gets pushed by the same dual-citizen crowd",
        "Just asking questions: why are so many bankers from one tiny ethnic group?",
        "They'll cry antisemitism every time you point out who funds the open-borders NGOs",
        "Every synagogue is basically an embassy for a foreign state",
        "The Khazarian mafia runs the money printers, look it up",
        "Not all Jews, sure, but always Jews when the money goes missing",
        "they don't call it the chosen people for nothing, they chose themselves to run everything",
    ], S, n=1, train_only=True),
    G("anti_black", HATE, [
        "Black neighbourhoods are crime zones because that's simply how they are",
        "Put them in any country and within ten years it looks like the place they came from",
        "Africa has had centuries and still can't build a road, tells you everything about them",
        "Black people just aren't suited for jobs that need thinking, it's biology",
        "Every time I see a group of young Black men I cross the street, and I'm right to",
        "They were better off before they were given the vote",
        "Ask yourself why every Black-majority city is a ruin. Go on, ask.",
    ], S, n=1, train_only=True),
    G("anti_muslim", HATE, [
        "A Muslim neighbour is a sleeper cell with a doorbell",
        "There are no moderate Muslims, only the ones who haven't acted yet",
    ], S, n=1, train_only=True),
    G("anti_migrant", HATE, [
        "These migrants breed like insects and expect us to pay for the larvae",
        "Every migrant boat is an invasion force, and we should treat it like one",
    ], S, n=1, train_only=True),
    G("anti_lgbtq", HATE, [
        "Gay teachers are grooming our kids, every single one of them",
        "Trans people are mentally ill predators who should be kept away from society",
    ], S, n=1, train_only=True),
    G("counter_speech", OK_QUOTE, [
        "'Just asking questions' about who runs the banks is how every antisemitic conspiracy starts",
        "Saying Black neighbourhoods are 'crime zones by nature' is racism dressed up as statistics",
        "The 'Khazarian mafia' line is a neo-Nazi meme. Don't repeat it.",
        "No, a Muslim neighbour is not a 'sleeper cell'. Listen to yourself.",
        "Calling migrants 'insects' is the language that came before every genocide",
    ], S, n=1, train_only=True),
    G("negation", OK, [
        "Jewish people don't run the banks, and the people who say they do never have evidence",
        "Black people are not more violent; poverty and policing explain the numbers",
        "Gay teachers are not a danger to children, that myth ruined careers for decades",
    ], S, n=1, train_only=True),
    G("positive_group", OK, [
        "The Black-owned bakery on Ash Street makes the best sourdough in the city",
        "The synagogue opened its doors to the flood victims last night, thank you",
        "Shoutout to the Somali aunties who run the Saturday homework club",
    ], S, n=1, train_only=True),
    G("neutral_mention", OK, [
        "The Jewish museum extends its opening hours for the summer exhibition",
        "A new study looks at health outcomes for Black mothers in rural counties",
        "The mosque and the church will hold a joint food drive in December",
    ], S, n=1, train_only=True),
]

# ----- round 19 (issue #3, session 4): hate without slurs against Jewish and Black people
# (insinuation, "just asking", pseudo-science, fake statistics, dehumanising comparison without
# a swear word, irony), and look-alikes in the same words (quoted to condemn, negated, history,
# news, praise). Test quarter left out. -----
GROUPS += [
    G("antisemitism", HATE, [
        "Funny how the same surnames show up every time a bank collapses. Just an observation.",
        "You can criticise anyone in this country except one tiny group. Ask yourself why.",
        "Dual citizens with dual loyalties, and we all know which side wins.",
        "Holocaust remembrance has become a very profitable industry for certain people.",
        "They always sell before the crash. Every. Single. Time.",
        "Look at who owns the studios and you'll understand every movie you watch.",
        "They cry persecution while owning half the planet. Pick one.",
    ], S, n=1, train_only=True),
    G("anti_black", HATE, [
        "Whole continent and they never invented the wheel, but sure, we're all equal.",
        "A neighbourhood turns Black and ten years later it's a war zone, look at the numbers.",
        "It's genetic: great at running, hopeless at anything that needs a brain.",
        "Every Black actor on TV is a diversity hire, nobody would cast them on merit.",
        "They breed and collect benefits, that's the whole culture.",
        "Slavery was the best thing that ever happened to them, they should be grateful.",
        "Put them anywhere on earth and it turns into the place they came from.",
    ], S, n=1, train_only=True),
    G("counter_speech", OK_QUOTE, [
        "\"Funny how the same surnames show up\" is the oldest antisemitic dog whistle there is.",
        "Anyone claiming Black people \"never invented anything\" has never opened a history book.",
        "\"Dual loyalty\" is the Dreyfus affair all over again. Stop repeating it.",
        "Calling Holocaust remembrance an \"industry\" is an insult to every survivor.",
    ], S, n=1, train_only=True),
    G("negation", OK, [
        "No, Jewish people do not control the banks, and no serious study has ever shown that.",
        "There is nothing genetic about test gaps; they track poverty and school funding, not skin colour.",
        "Black actors are not diversity hires, they are winning awards on merit.",
    ], S, n=1, train_only=True),
    G("neutral_mention", OK, [
        "The Rothschild archive opened its 19th-century banking ledgers to researchers this year.",
        "The museum's new wing covers the transatlantic slave trade and its economic legacy.",
        "A study follows the careers of first-generation Black graduates in engineering.",
    ], S, n=1, train_only=True),
    G("positive_group", OK, [
        "The Black-owned bakery on Elm Street makes the best bread in town, go early.",
        "The synagogue opened its doors to flood victims last night, thank you all.",
    ], S, n=1, train_only=True),
]

# ----- Round 20 (issue #3, session 5): fresh held-back round, written from scratch without
# looking at the rules, split by the usual hash rule (data/seeds/rounds.py). Hate without slurs
# (antisemitism, anti-Black; also Muslims, migrants, LGBTQ, Roma) as sarcasm, "observations",
# parenting advice, property talk, dating, workplace, and twins in the same words that reject,
# report, or speak warmly. -----
GROUPS += [
    G("antisemitism", HATE, [
        "Funny how every time the economy crashes the same families get richer. Just noticing patterns.",
        "Ask yourself why the people who run the banks all go to the same synagogue.",
        "My rule for buying a house: never use a Jewish estate agent, they'll skim you every time.",
        "Wars are good business for a certain tribe, always have been.",
        "They cried about the Holocaust for 80 years and got a country out of it. Nice trick.",
        "Every 'anti-racist' charity in this country is funded by the same Jewish billionaires. Wake up.",
        "Jews don't assimilate, they infiltrate. Look at any parliament.",
        "Whenever there's a pandemic, follow the vaccine money and see whose names come up.",
    ], n=1),
    G("anti_black", HATE, [
        "Moved house because the street was 'changing', if you know what I mean. Property values and crime, simple.",
        "Told my daughter she can date anyone except a Black guy. Call it racist, I call it protecting her.",
        "Black neighbourhoods are poor because Black people don't value work. It's culture, not history.",
        "Hire one and you'll find out why they're always 'late'. Never again at my firm.",
        "Africa had thousands of years and built nothing. Says it all really.",
        "Every time I see a Black kid in a hoodie I cross the road, and you would too if you were honest.",
        "They riot, they loot, they blame slavery. Same script every summer.",
        "Genetics don't lie: some races just aren't built for thinking.",
    ], n=1),
    G("anti_muslim", HATE, [
        "Muslims breed like there's no tomorrow and in 30 years they'll vote in sharia. Do the maths.",
        "A moderate Muslim is just one who hasn't been activated yet.",
    ], n=1),
    G("anti_migrant", HATE, [
        "Migrants are a disease spreading through our towns, and nobody will say it.",
        "Every boat that lands is another batch of rapists on our streets.",
    ], n=1),
    G("anti_lgbtq", HATE, [
        "Gay teachers shouldn't be allowed near children, we all know why.",
        "Trans people are mentally ill and should be treated like it, not celebrated.",
    ], n=1),
    G("anti_roma", HATE, [
        "Gypsies arrive, bikes disappear. Lock your sheds, it's in their blood.",
    ], n=1),
    G("counter_speech", OK_QUOTE, [
        "'Just noticing patterns' about Jewish families getting richer is the oldest antisemitic lie there is. It ended in gas chambers.",
        "Someone in my street said it was 'changing' when a Black family moved in. It's called racism, Gary.",
        "'A moderate Muslim is one who hasn't been activated yet' is in my mentions today. My Muslim neighbours run the food bank. Blocked.",
        "No, 'genetics' does not make any race worse at thinking. That's eugenics with a fresh coat of paint.",
        "Calling migrants a disease is exactly how every genocide started. Words matter.",
        "Saying gay teachers are a danger to kids is a smear. My best teacher was gay and he changed my life.",
    ], n=1),
    G("positive_group", OK, [
        "Our new estate agent is Jewish and honestly the most honest one we've dealt with in ten years.",
        "Took my daughter to meet her boyfriend's family, they're from Ghana, and the food was unreal.",
        "The Somali mums on our street organised the whole jumble sale, they're legends.",
        "Huge shout out to the Roma musicians at the festival, best set of the weekend.",
    ], n=1),
    G("neutral_mention", OK, [
        "The synagogue on our road is holding an open day for Hanukkah, everyone welcome.",
        "Black History Month talk at the library on thursday about the 1919 riots.",
        "Research shows migrants pay more in taxes than they take in benefits, over a lifetime.",
        "The mosque is running a blood donation session after Friday prayers.",
    ], n=1),
    G("criticism_government", CRITIC, [
        "The Israeli government's bombing of Gaza is indefensible and its ministers should face the ICC.",
        "The immigration minister lied about the boat numbers, again. Resign.",
    ], n=1),
]

# Round 20, continued: workplace, school-gate, dating-app and "concerned parent" registers, and
# their twins.
GROUPS += [
    G("antisemitism", HATE, [
        "Notice how the 'experts' on TV pushing the war all have the same surnames. Not a coincidence.",
        "Rootless cosmopolitans have no loyalty to any nation but their own tribe.",
        "Hitler had a point about who controls the money, he just went about it wrong.",
        "If they don't want people to hate them maybe they should stop running everything.",
        "Israel-first traitors in every government, and they're all Jewish, funny that.",
    ], n=1),
    G("anti_black", HATE, [
        "No Black tenants, sorry. Learned my lesson after the last lot trashed the flat.",
        "Swipe left on anyone Black, it's a preference not racism, and honestly it's for the best.",
        "Put them in charge of a country and watch it turn into a famine within a decade.",
        "You can take them out of the jungle but you can't take the jungle out of them.",
        "Teachers know it: the Black kids drag the whole class down, every year.",
    ], n=1),
    G("anti_muslim", HATE, [
        "Every Muslim family on our road is a sleeper cell waiting for orders.",
        "Don't let your kids play with the Muslim children, they're taught to hate us from birth.",
    ], n=1),
    G("anti_migrant", HATE, [
        "Migrants are parasites, they come here to feed off people who actually work.",
        "Schools in migrant areas are just breeding grounds for the next generation of criminals.",
    ], n=1),
    G("anti_lgbtq", HATE, [
        "Gay couples adopting is child abuse with extra paperwork.",
        "Trans women are predators in wigs, keep them out of every toilet.",
    ], n=1),
    G("counter_speech", OK_QUOTE, [
        "'You can take them out of the jungle' showed up in the group chat. Left the group and reported it. Not having that.",
        "Landlords writing 'no Black tenants' is illegal and gross. Report them to the housing ombudsman.",
        "'Rootless cosmopolitans' is a Stalin-era antisemitic slur, know what you're retweeting.",
        "Teachers saying Black kids drag the class down are the reason those kids get excluded. Check your bias.",
        "Calling trans women predators is a lie; they're far more likely to be victims of violence.",
        "My Muslim neighbours are not a 'sleeper cell', they're the family who shovels everyone's snow.",
    ], n=1),
    G("positive_group", OK, [
        "Our new head of department is a Black woman and the school has never run better.",
        "The Jewish deli on the corner has fed this neighbourhood for 60 years. Go support them.",
        "Shoutout to the refugee kids who won the regional maths competition!",
    ], n=1),
    G("negation", OK, [
        "I don't think Jewish people control the media, that's a conspiracy theory, and a nasty one.",
        "Black kids aren't worse students, they're worse served by the schools.",
        "Migrants aren't parasites, half the NHS would collapse without them.",
    ], n=1),
    G("neutral_mention", OK, [
        "The Pride committee is looking for volunteers for the first aid tent.",
        "Census data: the Roma community in the county grew by 4% over ten years.",
    ], n=1),
]

# Round 20, second batch: hate as "jokes", rhetorical questions and history denial, and twins.
GROUPS += [
    G("antisemitism", HATE, [
        "How many Jews does it take to start a war? Just one, and a newspaper.",
        "Six million? The numbers never added up and you know it.",
        "Why do you think they got kicked out of every country in Europe? Maybe it wasn't everyone else.",
    ], n=1),
    G("anti_black", HATE, [
        "Why is every Black-run city a warzone? Asking for a friend.",
        "Slavery was the best thing that ever happened to them, look at Africa now.",
        "They want reparations for something none of them lived through, while living off our taxes.",
    ], n=1),
    G("counter_speech", OK_QUOTE, [
        "Asking 'why is every Black-run city a warzone' isn't a question, it's a racist claim dressed as one.",
        "People saying 'the numbers never added up' about the Holocaust: the Nazis kept the records themselves.",
        "'Best thing that happened to them'? Slavery killed millions. Sit with that before you post again.",
    ], n=1),
    G("neutral_mention", OK, [
        "Holocaust Memorial Day service at the town hall, 11am, survivors' families will speak.",
        "Debate on reparations at the students' union thursday, both sides invited.",
    ], n=1),
]

if __name__ == "__main__":
    from common import build
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    build("seed-en-hate", "en", GROUPS, os.path.join(here, "..", "hate_en.jsonl"), seed=505)
