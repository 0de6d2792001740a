"""The words the capitalised-word rules (`ner_rules.py`) read around a name, in the languages they
read: titles before a name, and the function words that open a sentence or a run of capitals but are
no part of a name. Kept apart from the rules: lists, not logic.
"""

from __future__ import annotations

import re

from storyline.entities import ner_inflected

FOREIGN_TITLES = frozenset("""
präsident präsidentin regierungschef regierungschefin ministerpräsident ministerpräsidentin kanzler kanzlerin
bundeskanzler bundeskanzlerin minister ministerin außenminister außenministerin verteidigungsminister
innenminister sprecher sprecherin botschafter botschafterin general generalleutnant herr frau dr prof
président présidente ministre premier porte-parole général ambassadeur m mme monsieur madame
presidente ministro ministra portavoz primer general embajador señor señora sr sra don doña canciller
portavoce ambasciatore signor signora generale
voorzitter premier minister-president woordvoerder ambassadeur generaal dhr mevrouw meneer
analista analiste analist analystin experto experta esperto esperta expert experte deskundige
economista econoom économiste ökonom directeur directrice director directora direttore direttrice direktor
direktorin dirigente topman topvrouw consejero consejera consigliere sindaco sindaca alcalde alcaldesa maire
burgemeester bürgermeister bürgermeisterin gobernador gobernadora governatore gouverneur senador senadora
senatore sénateur senator secretario secretaria segretario segretaria secrétaire secretaris sekretär
profesor profesora professore professoressa professeur hoogleraar juez jueza giudice juge rechter richter
presidenta vicepresidente vicepresidenta vicepresident vice-président vizepräsident portavoce ceo cfo
senator president manager
arzobispo obispo archevêque évêque arcivescovo vescovo aartsbisschop bisschop papa pape paus papież cardenal cardinale
""".split()) | ner_inflected.TITLES

# Words that open a sentence and no name: articles, prepositions, conjunctions and adverbs.
# (with the numbers that open a sentence, "Drie Democraten stemden tegen"; not those that are also
# names: Otto, Elf, Miles)
# Words that end no name in the Romance languages: articles, pronouns and conjunctions a run of
# capitals takes from the next sentence where a flattened page lost the full stop ("Delia Bachmann
# Après", "Trump El", "Dana Point Gli"), and "il", "un", "ci", which end Korean names too (Kim Jong Il:
# `run_edges` keeps them after a Korean family name); not "este" (east), "sur" (south), nor "son", a
# Japanese name (Masayoshi Son); and a verb or a link's label a page runs on ("Ruta N. Es", "Pinkvilla Leer",
# "Costa Mesa Quoi"); nor a day's adverb a headline runs into the lead ("Indonesia Ayer"; not a number:
# "Página Siete" is a newspaper).
NEXT_SENTENCE_OPENERS = frozenset("""
la le les el los las lo gli il un ci des del della du une una uno ce cette cela ça après avant pendant depuis
selon quand mais
durante según cuando pero tras después mientras aunque además secondo quando però dopo mentre anche
inoltre essendo dans et questo questa questi queste quei quegli in es fue era hay leer quoi si ainsi voici
ayer hoy anoche ieri oggi stamattina hier
lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado
lunedì martedì mercoledì giovedì venerdì domenica
""".split())  # (not "domingo": Plácido Domingo, Santo Domingo)
# A body's kind in lower case before its name, an adjective at most between: "le petit parti Yisrael
# Beiteinu", "la cadena Telemundo", "il quotidiano La Repubblica" (not "el partido de Pablo Iglesias";
# nor Polish "partii", as often a game's or a batch's as a party's; nor a company's word: "l'amministratore
# delegato della società Alan Mulally" names him).
BODY_BEFORE = re.compile(
    r"\b(?:parti|partido|partito|partij|party|agence|agencia|agenzia|cadena|chaîne|canale|emittente|quotidien|"
    r"quotidiano|diario|periódico|giornale|journal|banque|banco|banca)"
    r"\s+(?:(?!(?:de|di|du|del|della|des|of|von|van)\b)[a-zà-ÿ]+\s+)?$")


# A minister's portfolio, capitalised before the minister's name ("il segretario alla Difesa Mark
# Esper", "el ministro de Exteriores Josep Borrell"): it leads the name as a title does.
PORTFOLIOS = frozenset("""
difesa defensa défense verteidigung defesa interno interior intérieur inneren interni esteri exteriores
giustizia justicia justice justiz justiça tesoro hacienda economia economía économie finanze finanzas finances
finanzen salute sanidad santé gesundheit lavoro trabajo travail arbeit istruzione educación éducation
""".split())


# Labels of a contact line, which a run of capitals takes in where a signature closes a page
# ("Professor Akidotun Merino Email: info@…"): printed before a colon, such a word ends no name.
CONTACT_LABELS = frozenset("""
email e-mail mail tel phone telephone telefono teléfono telefon telefone téléphone fax twitter facebook fb
instagram linkedin web website
""".split())
# Verbs of saying that open a sentence before their speaker in Spanish, Italian, Portuguese and
# French ("Dijo Al Jazeera que …", "Aggiunge il ministro …"): capitalised there, and no part of the name.
# And the verbs a headline opens on before whom it is about ("Muere David Stern, el inventor de la
# NBA", "Dimite el ministro …"), which had made "Muere David Stern" a spelling of him.
SPEECH_OPENERS = frozenset("""
dijo afirmó señaló explicó aseguró agregó añadió indicó declaró sostuvo destacó subrayó precisó advirtió
dice afirma señala asegura explica añade agrega indica declara sostiene destaca subraya precisa advierte
aggiunge spiega sottolinea dichiara afferma conclude precisa ribadisce
disse afirmou declarou explicou acrescentou
ajoute explique souligne déclare affirme estime précise poursuit conclut
muere murió fallece falleció dimite renuncia detienen arrestan condenan
muore morto morta scomparso scomparsa arrestato arrestata condannato condannata
meurt décède démissionne arrêté arrêtée condamné condamnée
morre morreu faleceu
""".split())

FUNCTION_WORDS = frozenset("""
volgens toen maar ook nadat terwijl omdat daarna tijdens sinds door bij na als
según cuando pero tras durante desde después mientras aunque además sin sobre antes luego entonces también incluso por
secondo quando però dopo mentre anche inoltre senza poi allora tramite attraverso eppure guarda leggi scopri
selon quand mais après pendant depuis lors avant puis alors ensuite par chez
laut aber nach während seit auch
ayer hoy mañana anoche ieri oggi domani stamattina gisteren vandaag morgen hier demain gestern heute morgen

el la los las un una uno le les un une des il lo gli i de het een der die das ein eine den dem en y et und e
en in im au aux del della dei degli su sur sul auf para per pour für voor con avec mit met este esta ce cette
questo questa dieser diese deze dit
twee drie vier vijf zes zeven acht negen tien twaalf honderden duizenden
dos tres cuatro cinco seis siete ocho nueve diez cientos
due tre quattro cinque sei sette nove dieci centinaia migliaia
deux trois quatre cinq six sept huit neuf dix centaines milliers
zwei drei vier fünf sechs sieben acht neun zehn hunderte tausende
""".split())

# Family names that East Asian names print first (Kim Jong Un, Xi Jinping, Nguyen Phu Trong): printed
# alone too, they lead a person's name, not a company's before a person ("Airbus Tom Enders").
SURNAMES_FIRST = frozenset("""
Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Moon Shin Seo Kwon Hwang Ahn Song Ri Pak
Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Hu Guo Lin Gao Luo Zheng Deng Mao Jiang Wen
Nguyen Tran Pham Hoang Vu Dang Bui Ngo
""".split())

# Forms of address: a title word before a name ("M. Trump", "Herr Lauer", "Sra. Pons") that is no
# role, which a reader of the entity's row would take for an office.
ADDRESS_FORMS = frozenset("""
m mr mrs ms monsieur madame mme mlle herr frau sr sra srta señor señora signor signora sig dhr mevr mevrouw
meneer don doña
""".split())


# Figures of speech the model reads as people's names, lower case.
NAMES_OF_NO_ONE = frozenset({"uncle sam", "alma mater", "mother nature", "father time", "lady luck", "joe public",
                             "joe sixpack", "john q. public", "old glory"})

# Faiths, sects and peoples named by a noun, not by a country's adjective: "Sunnis, Shias and Kurds"
# is a sentence about groups, which the model types as a person or a body one time in two. The
# country-made demonyms ("Azeris", "Britons" aside) are told by their endings where a place of the
# text gives them (`ner_english._noise`).
PEOPLES = frozenset("""
shia shias shiite shiites shii sunni sunnis kurd kurds muslim muslims christian christians jew jews arab arabs
hindu hindus sikh sikhs buddhist buddhists catholic catholics protestant protestants copt copts alawite alawites
druze yazidi yazidis pashtun pashtuns tajik tajiks uzbek uzbeks hazara hazaras baluch tamil tamils hutu hutus
tutsi tutsis briton britons scot scots turkmen berber berbers bedouin bedouins maronite maronites islamist
islamists jihadist jihadists zionist zionists evangelicals mormons azeri azeris filipino filipinos
""".split())


# Runs of capitals that name no one: a page's share buttons ("Whatsapp Tumblr", "Invia Facebook",
# "Escuchar Nota") and feasts ("Año Nuevo", "Capodanno", "San Valentín"), lower case.
_SHARE_WORDS = frozenset("""
whatsapp tumblr facebook twitter pinterest linkedin telegram reddit email e-mail messenger flipboard print
invia condividi stampa compartir comparte imprimir escuchar nota partager imprimer teilen drucken delen
guardar enviar correo tweet envoyer comentarios commentaires commenti chiudi didascalia avviso habilite javascript
głosuj podziel udostępnij skomentuj reklama görüntüle paylaş şifremi unuttum
""".split())
_FEASTS = frozenset({
    "año nuevo", "nochevieja", "nochebuena", "navidad", "capodanno", "natale", "noël", "nouvel an", "neujahr",
    "weihnachten", "silvester", "nieuwjaar", "kerstmis", "sylwester", "nowy rok", "pascua", "pasqua", "pâques",
    "ostern", "san valentín", "san valentino", "saint-valentin", "acción de gracias", "ramadán", "yılbaşı"})


# A site's legal links at the foot of a page ("Política de Privacidad", "Aviso Legal",
# "Datenschutzerklärung"), run into its text by a dump.
_LEGAL_LINKS = frozenset({
    "política de privacidad", "aviso legal", "política de cookies", "términos y condiciones",
    "informativa sulla privacy", "note legali", "politique de confidentialité", "mentions légales",
    "conditions générales", "datenschutzerklärung", "nutzungsbedingungen", "privacy policy", "terms of use",
    "terms of service", "cookie policy", "polityka prywatności", "gizlilik politikası"})


def names_no_one(name: str) -> bool:
    words = name.lower().split()
    joined = " ".join(words)
    return (len(words) >= 2 and all(w in _SHARE_WORDS for w in words)) or joined in _FEASTS or joined in _LEGAL_LINKS


# The heads of a law's or a treaty's name, which the English model types a body: "the UN Charter",
# "the Helsinki Final Act", "the Paris Agreement" (not "Pact": the Warsaw Pact was an alliance).
DOCUMENT_HEADS = frozenset("charter act treaty accord accords agreement protocol declaration constitution "
                           "resolution amendment doctrine".split())


# The endings of abstract nouns in the Romance languages, which no given name has: a capitalised
# phrase that opens on one names a body or a thing ("Comisión Nacional de Energía", "Declaración de
# Nacionalidad", "Associazione Nazionale", "Fédération Internationale"), no person.
ABSTRACT_NOUN = re.compile(r"(?<=\w{3})(?:ción|sión|ciones|siones|dad|dades|tad|miento|mientos|encia|ancia|ismo|"
                           r"zione|zioni|sione|sioni|tà|mento|menti|enza|anza|tion|tions|sion|sions|té|ment|ments|"
                           r"ence|ance|isme|ção|ções|dade|dades)$")
