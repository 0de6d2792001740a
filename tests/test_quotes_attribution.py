"""Who said it, in English: forms bench/quotes.py's fourth batch of annotated documents showed,
each on invented text."""

from __future__ import annotations

from storyline.entities.ner import find_mentions
from storyline.model import Article
from storyline.quotes import find_quotes
from storyline.quotes_speakers import gender_of
from tests.test_quotes import _direct_speakers, _speakers


def test_sentences_inside_a_quote_do_not_part_a_pronoun_from_its_name() -> None:
    text = ("The fire killed sixty people. Zuhor Hemsi, the disc jockey at the party, told of his ordeal in short "
            "bursts. ``Panic. No help. No police. No firemen. Only kids helping each other,'' he said from his bed.")
    assert _direct_speakers(text)["Panic."] == "Zuhor Hemsi"


def test_a_pronoun_is_the_subject_before_the_object() -> None:
    text = ("Sonya B. Marklin, the defendant's attorney, told reporters in a statement that her client never meant "
            "to harm Ilka Moreau.\n\n“Pete Darrow regrets his words,” she said in an email.")
    assert _direct_speakers(text)["Pete"] == "Sonya B. Marklin"


def test_a_first_name_tells_before_a_surnames_ending() -> None:
    assert gender_of("Sonya Marklin") == "f"
    assert gender_of("Boris Yeltsin") == "m"
    assert gender_of("Anna Karpova") == "f"


def test_a_one_word_quote_before_its_speaker_is_speech() -> None:
    text = "Anthony Davies scored 30 points.\n\n“Amazing,” Davies said. “He keeps getting better.”"
    speakers = _direct_speakers(text)
    assert (speakers.get("Amazing") or "").endswith("Davies")
    assert (speakers["He"] or "").endswith("Davies")


def test_a_title_before_a_surname_that_reads_as_a_pronoun() -> None:
    text = ("Ms. He Lanying, the wife of the dissident, was not told of the charge. "
            "``All week we felt something was going to happen,'' Ms. He said.")
    assert _direct_speakers(text)["All"] == "He Lanying"


def test_the_production_company_is_the_productions_firm() -> None:
    text = ("Harbor Lane Productions denied that it had settled with the label.\n\n"
            "“At no time did we agree to any statement,” the production company said in a separate statement.")
    assert _direct_speakers(text)["At"] == "Harbor Lane Productions"


def test_a_slogan_is_no_speech() -> None:
    text = "Governor Karla Nemets defended the campaign with the slogan “Meth, we’re on it.” It drew ridicule."
    assert "Meth," not in _direct_speakers(text)


def test_the_statement_read_is_its_issuers() -> None:
    text = ("Northwind Records denied the allegations in a statement on its website.\n\n"
            "\"We were shocked to see her posts yesterday,\" the statement read.")
    assert _direct_speakers(text)["We"] == "Northwind Records"


def test_a_study_speaks_for_whoever_made_it() -> None:
    text = ("A 2019 study by the Centre for Trade Research concluded that, using standard methods, "
            "\"the full cost of the tariff falls on domestic consumers.\"")
    assert _direct_speakers(text)["the"] == "Centre for Trade Research"


def test_he_after_an_unnamed_speaker_is_not_the_name_before() -> None:
    text = ("President Harlan Boyd said the pressure would work. ``I think over the long term they will go,'' "
            "he said.\n\nA rebel spokesman in Mirsala said the port had been shelled, killing eight people.\n\n"
            "``Today was very tough. They entered the main street,'' he said by phone.")
    speakers = _direct_speakers(text)
    assert speakers["I"] == "Harlan Boyd"
    assert speakers["Today"] is None


def test_a_sign_names_no_speaker() -> None:
    text = ("Anger runs high on the coast. ``The spill killed our town,'' read a sign in a front yard not far "
            "from Port Halloran.")
    assert _direct_speakers(text).get("The") is None


def test_a_disputed_letter_is_not_the_disputers() -> None:
    text = ("Calderon Services issued a statement disputing the panel staff's letter. The panel letter said the "
            "cement was one cause. ``Cementing failures are not uncommon,'' the panel letter said.")
    assert _direct_speakers(text)["Cementing"] != "Calderon Services"


def test_a_participle_with_no_one_doing_it_reports_no_speech() -> None:
    text = ("Dana Orrick, the nominee for trade representative, spoke at her hearing. She said outright that the "
            "deal with Veloria , as currently written , `` is simply unfair . ''")
    assert _direct_speakers(text)["is"] == "Dana Orrick"


def test_the_name_an_unnamed_speaker_gave() -> None:
    text = ("Mourners filled the church. ``I'm accompanying my friends. We lost someone,'' said a young man who "
            "gave his name only as Sami.")
    assert _direct_speakers(text)["I'm"] == "Sami"


def test_as_someone_put_it_after_the_quote() -> None:
    text = ("Tony Haywood defended the company. The report listed eight causes, including `` a bad cement job '' , "
            "as Haywood put it .")
    assert _direct_speakers(text)["a"] == "Tony Haywood"


def test_the_company_is_the_body_named_just_before() -> None:
    text = ("Lena Swain accused the label Corvane Music Group of blocking her show.\n\n"
            "The company denied the allegations in a statement.\n\n"
            "\"We were shocked to see her posts yesterday,\" the statement read.")
    assert _direct_speakers(text)["We"] == "Corvane Music Group"


def test_a_participle_after_the_quote_with_its_own_clause_does_not_attribute_it() -> None:
    text = ("Marta Pellis announced the shift. Pellis said that after legal advice Vantoria had concluded the "
            "settlements were \"not, per se, inconsistent with international law\", saying she trusted the courts.")
    assert _direct_speakers(text)["not,"] == "Marta Pellis"


def test_for_someone_opens_their_view() -> None:
    text = ("Interest rates were raised to 50 percent. For union leader Joao Felizardo, the proposed swap "
            "``is a clear sign of the despair the business sector is feeling'' brought by the plan.")
    assert _direct_speakers(text)["is"] == "Joao Felizardo"


def test_he_goes_on_with_the_subject_he_not_the_name_it_mentions() -> None:
    text = ("Patrick Carlino pleaded guilty on Friday to threatening a lawmaker. He was arrested in April for "
            "the March 21 call to the offices of Idris Kovu. During the call, he asked about the Brotherhood and "
            "called Kovu a “terrorist” over and over.")
    assert _direct_speakers(text)["terrorist"] == "Patrick Carlino"


def test_a_name_signed_after_the_quote_with_a_dash() -> None:
    text = ("Reviews of the show\n\n“The show was really great. Booking was easy.”  – Man**  "
            "“Very talented people! Super fun!”  – Ali***\n\n"
            "The campaign drew ridicule. “Meth is everywhere here and nobody cares.” — Mike Beauvais "
            "(@MikeBeauvais) November 18, 2019\n")
    speakers = _direct_speakers(text)
    assert speakers["The"] == "Man**" and speakers["Very"] == "Ali***"
    assert speakers["Meth"] == "Mike Beauvais"


def test_a_writing_speaks_for_its_owner() -> None:
    text = ("Governor Arnold Schwarzenberg announced a state of emergency on Tuesday. His official proclamation "
            "mentions ``conditions of extreme peril to the safety of person and property'' .")
    assert _direct_speakers(text)["conditions"] == "Arnold Schwarzenberg"


def test_in_the_words_of_a_places_government() -> None:
    text = ("Dubai has declared itself the center of Islamic finance and says it aims, in the words of Dubai's "
            "government, to ``develop the same stature as New York.''")
    assert _direct_speakers(text)["develop"] == "Dubai's government"


def test_a_characterising_verb_nearer_the_phrase_than_a_speech_verb() -> None:
    text = ("Both companies are expecting lawsuits over the slick , which US President Barack Obamo described as a "
            "`` potentially unprecedented '' environmental disaster .")
    assert _direct_speakers(text)["potentially"] == "Barack Obamo"


def test_a_warning_the_parse_took_for_a_noun() -> None:
    text = ("Egypt and Jordan also sharply criticised the shift, with Jordanian Foreign Minister Ayman Safadoun "
            "warning of \"dangerous consequences\".")
    assert _direct_speakers(text)["dangerous"] == "Ayman Safadoun"


def test_a_pronoun_glued_to_another_is_no_subject_of_its_own() -> None:
    text = ("Each voter decides whether he\\/she will go. Senator Ana Ruiz spoke first to the crowd. ``We will all "
            "go to the polls on Sunday,'' she said.")
    assert _direct_speakers(text)["We"] == "Ana Ruiz"


def test_a_countrys_minister_is_not_another_countrys_minister() -> None:
    text = ("Vellish Prime Minister Arin Tavos said Vellia stood ready to help the company .\n"
            "Oil from the well will reach its shores by May , Norway 's environment minister told reporters .\n"
            "Deputy spokesman Ivo Brell spoke on Monday .\n"
            "The talks will go on , Tavos 's spokesman said .\n")
    speakers = _speakers(text)
    assert speakers["Oil"] is None  # someone the text does not name, not the Vellish prime minister
    assert speakers["The"] == "Ivo Brell"  # a person's spokesman: no country in it


def test_what_a_speaker_would_not_say_or_does_not_believe_is_not_said() -> None:
    text = ("The official , who would not clarify what is seeping near the Korven well , also said Vellcorp "
            "is not complying with the order . Governor Ilsa Marrow declined to say which towns would be "
            "evacuated . Mayor Tomas Brenn refused to confirm that the dam had cracked . Vellcorp spokesman "
            "Ivo Lind told reporters that he did not believe the company had underestimated the spill .")
    found = _speakers(text, "indirect")
    assert set(found) == {"Vellcorp", "he"}
    assert found["he"] == "Ivo Lind"  # his whole clause, denial and all, not what he denies


def test_the_name_right_before_a_speech_verb_and_its_colon_speaks() -> None:
    # A live page's headlines run into its text: the parser gave "complains" no subject it could name.
    text = ("Korven using divers to try to plug the dam leak Korven boss admits job on the line over the dam breach "
            "Obama complains : `` I did not appreciate what I considered to be a ridiculous spectacle during the "
            "hearings into this matter . ''")
    assert _direct_speakers(text)["I"] == "Obama"


def test_a_retyped_page_mixes_straight_and_curly_marks() -> None:
    text = ("Ray Holm, who represents the guard, said his client would not plead guilty.\n\n"
            "Holm would not say whether the guard slept that night. “When all the evidence is presented,\" he said, "
            "\"maybe you will see it differently.”\n\n"
            "Nadia Perl said two of the three needs for life are common. \"But the third is hard to find,” she said.")
    speakers = _direct_speakers(text)
    assert speakers["When"] == "Ray Holm"
    assert speakers["maybe"] == "Ray Holm"
    assert speakers["But"] == "Nadia Perl"


def test_a_mark_never_closed_inside_a_sentence_is_no_speech() -> None:
    text = ("The Velna tick carries marsh fever - otherwise known as the ‘grey sickness - which affects the "
            "joints, and river fever, which affects the blood.")
    assert _direct_speakers(text) == {}


def test_the_one_who_posted_speaks_through_the_agency_that_reports_it() -> None:
    text = ("According to AFP, one user on a local forum posted: “I just want to know how these two got to the "
            "capital. By train, or did they drive?”")
    article = Article(source="s", title=None, text=text, language="en")
    quotes = find_quotes(article, find_mentions(article))
    assert [(q.speaker, q.via) for q in quotes] == [(None, "AFP")]
    assert (quotes[0].speaker_text or "").startswith("one user")


def test_he_is_the_sentences_subject_not_a_clauses_even_where_the_tagger_took_him_for_a_body() -> None:
    text = ("Mark Tune, who represents the guard, said his client chose not to accept a plea deal.\n\n"
            "Tune declined to say whether Paul Dorsey slept on the night Frank Wexler died. "
            "“When all the evidence is presented, you will see it differently,” he said.")
    assert _direct_speakers(text)["When"] == "Mark Tune"



def test_according_to_inside_a_sentence_reports_the_whole_sentence_around_it() -> None:
    text = ("(CNN)Governor Ilse Varga, according to the Velna Water Authority, made an unscheduled visit to the "
            "dam on Saturday.")
    article = Article(source="s", title=None, text=text, language="en")
    [quote] = [q for q in find_quotes(article, find_mentions(article)) if q.kind == "indirect"]
    assert quote.speaker == "Velna Water Authority"
    assert quote.text == "Governor Ilse Varga made an unscheduled visit to the dam on Saturday"


def test_a_title_alone_as_speaker_is_the_one_person_of_the_source_who_holds_it():
    """"A Pope denounced “…”": the story's entity with that role in this source, where it is the only one."""
    from storyline.analysis import ArticleAnalysis, run_story_stages
    from storyline.model import Article, Mention, Quote

    text = "Pope Arin Vellan greeted the pilgrims. A Pope denounced “all violence against women” on Wednesday."
    article = Article(source="a", title=None, text=text, language="en")
    pope = Mention(source="a", text="Arin Vellan", start=5, end=16, type="PERSON", sentence=0, language="en",
                   role="Pope")
    said = Quote(source="a", text="all violence against women", speaker="Pope", speaker_text="A Pope",
                 start=text.index("“"), end=text.index("”") + 1)
    ctx = run_story_stages([article], {"a": ArticleAnalysis(mentions=[pope], quotes=[said])})
    assert [q.speaker for q in ctx.quotes] == ["Arin Vellan"]
    # two people of the source hold the title: none of them is named for it
    other = Mention(source="a", text="Ivo Tavos", start=text.index("pilgrims"), end=text.index("pilgrims") + 8,
                    type="PERSON", sentence=0, language="en", role="Pope")
    said.speaker = "Pope"
    ctx = run_story_stages([article], {"a": ArticleAnalysis(mentions=[pope, other], quotes=[said])})
    assert [q.speaker for q in ctx.quotes] == ["Pope"]
