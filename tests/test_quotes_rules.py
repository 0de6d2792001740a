"""Speakers of quotes in the languages without a parser (`quotes_rules`): descriptions, bare names and
verbs after the quote, through the public `find_quotes` on invented text."""

from __future__ import annotations

from storyline.entities.ner import find_mentions
from storyline.model import Article
from storyline.quotes import find_quotes


def _speakers(text: str, language: str) -> dict[str, str | None]:
    article = Article(source="s", title=None, text=text, language=language)
    return {q.text[:20]: q.speaker for q in find_quotes(article, find_mentions(article)) if q.kind == "direct"}


def test_a_description_after_the_verb_is_the_person_it_titles() -> None:
    es = ("El ministro de Defensa, Agustín Rossi, visitó la planta. \"Las Fuerzas Armadas están listas para "
          "ayudar\", dijo el ministro en declaraciones radiales.")
    assert _speakers(es, "es") == {"Las Fuerzas Armadas ": "Agustín Rossi"}
    de = ("Bundeskanzler Sebastian Kurz kündigte neue Maßnahmen an. \"Diese Gebiete werden ab sofort isoliert\", "
          "sagte der Regierungschef am Abend.")
    assert _speakers(de, "de") == {"Diese Gebiete werden": "Sebastian Kurz"}
    fr = ("Le voyagiste TUI rouvre ses hôtels. \"Environ 30% des capacités devraient être proposées\", a indiqué la "
          "société dans un communiqué.")
    assert _speakers(fr, "fr") == {"Environ 30% des capa": "TUI"}


def test_a_description_no_one_fits_leaves_no_speaker_not_a_name_further_on() -> None:
    es = ("\"Este país se lo merece\", dijo el dirigente regional, en la jornada fallida de la investidura "
          "de Pedro Sánchez.")
    assert _speakers(es, "es") == {"Este país se lo mere": None}


def test_a_bare_name_right_after_the_verb_before_any_name_further_on() -> None:
    fr = ("\"Bonjour à toutes les familles du monde entier\", a commencé Beyoncé, qui a joué Nala dans le film "
          "de Jon Favreau.")
    assert _speakers(fr, "fr") == {"Bonjour à toutes les": "Beyoncé"}
    fr = "\"Le programme de soutien est énorme\", a déclaré Walter-Borjans lors d'une conférence de presse."
    assert _speakers(fr, "fr") == {"Le programme de sout": "Walter-Borjans"}
    fr = "« Nous ne céderons pas », a répondu brusquement Gantz lors d'un discours télévisé."
    assert _speakers(fr, "fr") == {"Nous ne céderons pas": "Gantz"}


def test_verbs_the_lists_had_missed() -> None:
    es = "“El Secretario está preparado para actuar”, continuó Kevin Swift ante la prensa."
    assert _speakers(es, "es") == {"El Secretario está p": "Kevin Swift"}
    de = ("„Wir werden ihn immer in dankbarer Erinnerung behalten“, versprechen Bürgermeister Herbert Hunkel "
          "und Stadtrat Stefan Schmitt.")
    assert _speakers(de, "de") == {"Wir werden ihn immer": "Herbert Hunkel"}
    pl = "„Dzisiaj będą przeprowadzone dalsze działania” – przekazał rzecznik policji Sylwester Marczak."
    assert _speakers(pl, "pl") == {"Dzisiaj będą przepro": "Sylwester Marczak"}


def test_a_subjectless_verb_after_the_quote_has_the_surname_the_sentence_before_opens_on() -> None:
    es = ("La jefa de Gobierno Claudia Sheinbaum habló el lunes. Sheinbaum mencionó que su gobierno coordina con "
          "las autoridades. “No podemos darnos el lujo de una descoordinación”, añadió.")
    assert _speakers(es, "es") == {"No podemos darnos el": "Claudia Sheinbaum"}


def test_turkish_polish_and_german_speech_verbs_and_where_their_speakers_stand() -> None:
    # Turkish: the subject opens the sentence, the verb ends it after the quote.
    tr = ("Liman yönetimi açıklama yaptı. Genel Müdür Muzaffer Ermiş, “Kurulan vinç şehrin her yerinden "
          "görülebilecek büyüklükte” dedi.")
    assert _speakers(tr, "tr") == {"Kurulan vinç şehrin ": "Muzaffer Ermiş"}
    # "used the expression": singular and plural
    tr = ("Bakan Yardımcısı Kim Sun-ho, “İşverenler izin vermeli” ifadelerini kullandı. Bakan Park Neung-hoo, "
          "“Bulaşma rotası çok farklı” ifadesini kullandı.")
    assert _speakers(tr, "tr") == {"İşverenler izin verm": "Kim Sun-ho", "Bulaşma rotası çok f": "Park Neung-hoo"}
    pl = ("Sytuacja w Bagdadzie jest napięta. „Iran poniesie pełną odpowiedzialność za wszystkie szkody” – napisał "
          "na Twitterze Donald Trump.")
    assert _speakers(pl, "pl") == {"Iran poniesie pełną ": "Donald Trump"}
    de = ("Die Polizei löste die Versammlung auf. „Die Veranstalter haben die Regeln missachtet“, hat Stefan Lauer "
          "am Montag festgestellt.")
    assert _speakers(de, "de") == {"Die Veranstalter hab": "Stefan Lauer"}


def test_a_quote_after_a_sentence_that_names_its_speaker_is_theirs() -> None:
    """A quote that is a sentence of its own after one with a speech verb and a name: the name
    right after the verb, else the one the sentence opens on; not a name after "that", nor a
    body, nor a pronoun."""
    de = ("Die Exporte brachen ein, sagte Chefvolkswirt Thomas Gitzel von der Berner Bank. \"Das Exportgeschäft "
          "wird von Engpässen gebremst.\" Außenminister Heiko Maas besuchte die Stätte. Maas betonte, es sei nötig, "
          "neue Wege zu gehen. «Die Generation der Zeitzeugen wird bald fehlen.»")
    assert _speakers(de, "de") == {"Das Exportgeschäft w": "Thomas Gitzel", "Die Generation der Z": "Heiko Maas"}
    de = ("Der Sänger Ronan Keating besuchte den Hafen. Die Agentur schrieb, sie sei erfreut, dass Keating den Hafen "
          "sah. \"Alle zwei Minuten kommt ein Schiff an.\"")
    assert _speakers(de, "de") == {"Alle zwei Minuten ko": None}
    es = ("El evento será en marzo, dijo el entrenador y presidente de la Asociación de Arqueros, Julio Soler. "
          "\"Abriremos el año con un evento importante.\"")
    assert _speakers(es, "es") == {"Abriremos el año con": "Julio Soler"}
    es = "Miles marcharon en Hong Kong, informó la cadena RTHK. \"Le damos la bienvenida al año con una protesta.\""
    assert _speakers(es, "es") == {"Le damos la bienveni": None}


def test_spanish_perfect_portuguese_and_dutch_verbs_and_a_verb_after_the_quote_that_names_no_one() -> None:
    es = "La derecha ha demonizado al nacionalismo. «El nuevo tiempo empieza mañana», ha dicho el portavoz Aitor Ruiz."
    assert _speakers(es, "es") == {"El nuevo tiempo empi": "Aitor Ruiz"}
    # a verb after the quote with no name ("y ha añadido que …"): the name before it, then the same speaker
    es = ("El concejal Rubén Pérez Carcedo habló ayer. Pérez Carcedo ha recordado que \"no es la primera vez que la "
          "Sindicatura se opone a la cuenta\" y ha añadido que el Consistorio \"lleva años incumpliendo la norma\".")
    assert _speakers(es, "es") == {"no es la primera vez": "Pérez Carcedo",
                                        "lleva años incumplie": "Pérez Carcedo"}
    pt = "O governo reagiu. \"Não vamos recuar nesta questão\", disse o ministro Paulo Guedes em Brasília."
    assert _speakers(pt, "pt") == {"Não vamos recuar nes": "Paulo Guedes"}
    nl = "De stad sloot de haven. \"We hadden geen andere keus\", aldus burgemeester Ahmed Aboutaleb."
    assert _speakers(nl, "nl") == {"We hadden geen ander": "Ahmed Aboutaleb"}


def test_a_subjectless_verb_after_the_quotes_closing_mark_and_a_dash_goes_on_with_the_last_speaker() -> None:
    pl = ("„Nie pozwalaliśmy na to” - zaznaczył Bartosz Gil. „Mechanizm głosowania jest znany od wielu "
          "miesięcy” - podkreślił.")
    assert _speakers(pl, "pl") == {"Nie pozwalaliśmy na ": "Bartosz Gil", "Mechanizm głosowania": "Bartosz Gil"}


def test_a_title_in_title_case_is_no_quote_in_the_rule_languages() -> None:
    it = ("Il film «A Star Is Born» ha vinto. «Abbiamo lavorato per tre anni», ha detto il regista Marco Bellini.")
    assert _speakers(it, "it") == {"Abbiamo lavorato per": "Marco Bellini"}
    es = "La canción \"It Was A Very Good Year\" la escribió Ervin Drake en 1961."
    assert _speakers(es, "es") == {}
    # German capitalises its nouns: a short quote of nouns is still speech
    de = "„Keine Panik, Ruhe Bewahren“, sagte Polizeisprecher Jan Krause am Montag."
    assert _speakers(de, "de") == {"Keine Panik, Ruhe Be": "Jan Krause"}


def test_what_a_post_says_is_its_authors() -> None:
    de = "Der Iran reagierte. „Die US-Kräfte haben hier nichts zu suchen“, twitterte Außenminister Dschawad Sarif."
    assert _speakers(de, "de") == {"Die US-Kräfte haben ": "Dschawad Sarif"}
    es = "«Nuestro país no se rendirá», tuiteó el presidente Iván Duque."
    assert _speakers(es, "es") == {"Nuestro país no se r": "Iván Duque"}


def test_a_verb_of_the_next_sentence_is_not_the_quotes() -> None:
    de = ("„Wir müssen dieses Ergebnis verdauen“, sagte Fraktionschef André Trepoll. „Die Rolle als Opposition "
          "stellt uns vor enorme Herausforderungen.“ Ex-Bürgermeister Christoph Ahlhaus kritisierte scharf den Kurs.")
    speakers = _speakers(de, "de")
    assert speakers["Die Rolle als Opposi"] == "André Trepoll"


def test_a_surname_alone_after_the_verb_speaks_and_french_verbs_in_the_present() -> None:
    fr = ("Le gouvernement a présenté son plan. « Je ne vais nulle part », a déclaré Netanyahu ce week-end. "
          "« Les drames sont à craindre », assure la directrice Alice Santin-Janin.")
    assert _speakers(fr, "fr") == {"Je ne vais nulle par": "Netanyahu",
                                        "Les drames sont à cr": "Alice Santin-Janin"}
    # a German noun after the verb is no one: "so die Rettung" is the rescue service's word
    de = "„Wir lassen die Leute nicht allein“, sagt Rettung der Stadt. Die Rettung war schnell vor Ort."
    assert _speakers(de, "de") == {"Wir lassen die Leute": None}


def test_a_surname_alone_before_reported_speech_and_spanish_verbs_of_a_statement() -> None:
    it = "La polizia indaga sul furto. Brinson ha detto che nessun disco dei Beatles era stato rubato."
    article = Article(source="s", title=None, text=it, language="it")
    assert [(q.kind, q.speaker) for q in find_quotes(article, find_mentions(article))] == [("indirect", "Brinson")]
    es = "La feria abrió ayer. “Debemos apoyar lo nuestro”, resaltó Roy Guzmán ante los artesanos."
    assert _speakers(es, "es") == {"Debemos apoyar lo nu": "Roy Guzmán"}
    # the last word of a body's name is no surname: "el Ministerio de Defensa dijo que …"
    es = "En Buenos Aires, el Ministerio de Defensa dijo que las tropas estaban listas para ayudar."
    article = Article(source="s", title=None, text=es, language="es")
    assert "Defensa" not in [q.speaker for q in find_quotes(article, find_mentions(article))]


def test_whom_reported_speech_was_told_is_its_channel_not_its_speaker() -> None:
    def said(text: str, lang: str) -> list[tuple[str | None, str | None]]:
        article = Article(source="s", title=None, text=text, language=lang)
        return [(q.speaker, q.via) for q in find_quotes(article, find_mentions(article)) if q.kind == "indirect"]

    # the police of a saint's town: no sentence ends at "St."; the station told is the channel
    it = ("La città è sotto shock. Il dipartimento di polizia di St. Louis ha detto a KMOV che gli incidenti "
          "sono iniziati dopo la mezzanotte.")
    assert said(it, "it") == [(None, "KMOV")]
    it = "Il sindaco Lyda Krewson ha detto a KMOV che la città non si arrenderà mai alla violenza."
    assert said(it, "it") == [("Lyda Krewson", "KMOV")]
    # a subject after the verb is still the speaker
    es = "La ciudad está de luto. Dijo el alcalde Pedro Gómez que la ciudad no se rendirá ante la violencia."
    assert said(es, "es") == [("Pedro Gómez", None)]


def test_reported_speech_needs_a_whole_que_and_a_verb_not_a_noun() -> None:
    def clauses(text: str, lang: str) -> list[str]:
        article = Article(source="s", title=None, text=text, language=lang)
        return [q.text for q in find_quotes(article, find_mentions(article)) if q.kind == "indirect"]

    # "L'annonce … chef du parti": a noun, and "che" inside "chef"
    fr = ("L'annonce faite lundi par Benny Gantz, chef du parti Kakhol lavan, a infligé un revers au premier "
          "ministre.")
    assert clauses(fr, "fr") == []
    es = "El actor dijo Twitter quería comenzar el año con un maratón de películas."
    assert not any(c.startswith("ría") for c in clauses(es, "es"))
    de = "Das sagte Chefarzt Sergei Perechodow am Montag in Moskau."
    assert clauses(de, "de") == []


def test_a_name_in_the_subjects_genitive_title_is_not_who_spoke() -> None:
    def said(text: str, lang: str) -> list[str | None]:
        article = Article(source="s", title=None, text=text, language=lang)
        return [q.speaker for q in find_quotes(article, find_mentions(article)) if q.kind == "indirect"]

    # the rival and the spokesman spoke, not the prime minister or the president they belong to
    assert said("Le principal rival du Premier ministre Ivo Vardan a déclaré qu'il était prêt à gouverner "
                "avec un petit parti.", "fr") == [None]
    assert said("Le porte-parole du président Ivo Vardan a déclaré que la réforme serait votée en mars.",
                "fr") == [None]
    # a title's own portfolio or body is no genitive of another person
    assert said("Le ministre de l'Intérieur Karl Tolen a déclaré que la frontière resterait ouverte demain.",
                "fr") == ["Karl Tolen"]
    assert said("Il comandante della forza operativa generale Abdul Vellan ha detto che il gruppo è stato "
                "arrestato ieri.", "it") == ["Abdul Vellan"]


def test_a_quote_after_segun_is_the_sources_whoever_the_sentence_names_before_the_mark() -> None:
    text = ("La elección por parte del ministro de Justicia, Amir Ohana, de Orla Ginsberg Ben-Ari como fiscal "
            "interina, desafiando al fiscal general Avi Mendelberg, no es más que el último intento del gobierno. "
            "Según Mendelberg, la elección de Ginsberg Ben-Ari “no cumple con los requisitos necesarios para el "
            "cargo de fiscal en funciones” y que “excede, de manera extrema, el alcance de lo razonable”. Según "
            "Mendelberg, Amir Ohana le dijo: “lo haremos de todos modos”.")
    art = Article(source="s", title=None, text=text, language="es")
    direct = {q.text[:10]: q.speaker for q in find_quotes(art, find_mentions(art)) if q.kind == "direct"}
    assert direct["no cumple "] == direct["excede, de"] == "Avi Mendelberg"
    assert direct["lo haremos"] == "Amir Ohana"  # a verb after "según" has its own subject, as Mendelberg tells


def test_a_description_that_opens_the_sentence_before_the_verb_is_whom_it_titles() -> None:
    es = ("El presidente Juan Orlando Hernández habló a la nación. El Presidente comentó que \"cualquier tipo de "
          "protección es esencial\" en estos días.")
    assert _speakers(es, "es") == {"cualquier tipo de pr": "Juan Orlando Hernández"}
    article = Article(source="s", title=None, language="es",
                      text="La ministra de Sanidad, Ana Ruiz, visitó el hospital. Después dijo la ministra que "
                           "el centro abrirá sus puertas en marzo.")
    reported = [q for q in find_quotes(article, find_mentions(article)) if q.kind == "indirect"]
    assert [q.speaker for q in reported] == ["Ana Ruiz"]


def test_the_pages_own_headline_quoted_as_a_posts_title_is_no_speech() -> None:
    es = ("Ana Ruiz gana el premio nacional de poesía\nPublicado por Lector: de Diario.com: \"Ana Ruiz gana el premio "
          "nacional de poesía\". La autora dijo en la gala: \"Estoy muy feliz con este premio tan importante\".")
    assert list(_speakers(es, "es")) == ["Estoy muy feliz con "]
    # a headline that is a quote itself: the text's quote of those words is the speech
    en = ("‘I’ve never seen anything like this’: Small shops close downtown. The diner on Main Street is closed. "
          "“I’ve never seen anything like this,” says Tony Kiriakou, its owner.")
    assert _speakers(en, "en")["I’ve never seen anyt"] == "Tony Kiriakou"


def test_the_imperfect_of_a_verb_of_saying_cues_a_quote() -> None:
    es = ("El gobierno de la provincia de Misiones anunció el plan. \"Anunciamos la continuidad del programa hasta "
          "febrero\", detallaban desde el Gobierno de Misiones.")
    assert _speakers(es, "es")["Anunciamos la contin"] is not None


def test_german_pleas_and_announcements_and_a_source_named_with_its_title_after_it() -> None:
    de = ("Der CDU-Politiker Günter Krings sprach im Bundestag. Krings plädierte für „eine Kultur der Offenheit "
          "und des offenen Umgangs miteinander“ im Netz.")
    assert _speakers(de, "de") == {"eine Kultur der Offe": "Günter Krings"}
    article = Article(source="s", title=None, language="de",
                      text="Nach Angaben von Maoz Rosenthal, Politikexperte vom Zentrum in Herzlija, holte der Likud "
                           "sein stärkstes Ergebnis seit Jahren.")
    reported = [(q.text, q.speaker) for q in find_quotes(article, find_mentions(article)) if q.kind == "indirect"]
    assert reported == [("holte der Likud sein stärkstes Ergebnis seit Jahren", "Maoz Rosenthal")]


def test_a_sentence_opening_on_its_verb_after_a_full_stop_goes_on_with_whoever_spoke_before() -> None:
    pl = ("Straż pożarna rozstawi namioty przed szpitalami - powiedział wiceminister Waldemar Kraska. Dodał, że ma to "
          "na celu \"wyłapywanie osób, u których jest duże ryzyko zakażenia\".")
    assert _speakers(pl, "pl") == {"wyłapywanie osób, u ": "Waldemar Kraska"}


def test_a_surname_with_its_particle_after_a_form_of_address_speaks() -> None:
    fr = "« En tant que société, nous devrons bien réfléchir », déclare le Dr di Lollo au sujet des résidents."
    assert _speakers(fr, "fr") == {"En tant que société,": "di Lollo"}
