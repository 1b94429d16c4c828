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
        "Too bad the ovens ran out of gas", "they should have finished the job in 1945",
        "ZOG runs the government, we are an occupied country", "The Jews are behind the great replacement",
        "anne frank didnt write that diary, total fraud", "jew them down on the price lol",
        "Orthodox kids are raised to hate us goyim, read the Talmud", "The tribe protects its own, always",
        "Every Jewish neighbour is an Israeli spy in waiting", "kike bankers wrecked the economy again",
        "Jews are a parasite race living off host nations", "its always the jews, every single time",
        "Shekel-counting rats, the lot of them", "George Soros funds every riot, he and his people want chaos",
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
        "Another n*gger thug robbing a store, shocking", "these n1ggas should be back in chains",
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
        "Mexicans are rapists and drug dealers", "Refugees are cockroaches, spray them",
        "illegals are animals, not humans", "Third-world scum are replacing us", "these migrants smell and carry disease",
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

if __name__ == "__main__":
    from common import build
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    build("seed-en-hate", "en", GROUPS, os.path.join(here, "..", "hate_en.jsonl"), seed=505)
