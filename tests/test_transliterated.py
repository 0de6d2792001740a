"""A person the story's Latin-script sources name, found where a source in a script without capitals
writes the name by its sound (`entities/transliterated.py`)."""

from __future__ import annotations

from storyline.entities.transliterated import story_persons_in_other_scripts
from storyline.model import Article, Mention
from tests.test_cli import entity_records

NAMES = ("Donald Trump", "Joe Biden", "Vladimir Putin", "Mike Pompeo", "Benjamin Netanyahu")


def found(text: str, language: str, *names: str) -> list[tuple[str | None, str]]:
    """(printed, Latin surname) of each person of `names` the text writes in its own script."""
    article = Article(source="page", title=None, text=text, language=language)
    latin = [Mention(source="en", text=name, type="PERSON", language="en") for name in names]
    return [(m.printed, m.text) for m in story_persons_in_other_scripts([article], latin)]


def test_each_script_writes_the_names_by_their_sound():
    assert found("قال ترامب إن بايدن وبوتين ونتنياهو اتفقوا", "ar", *NAMES) == [
        ("ترامب", "Trump"), ("بايدن", "Biden"), ("بوتين", "Putin"), ("نتنياهو", "Netanyahu")]
    assert found("ترامپ و بایدن با پوتین", "fa", *NAMES) == [("ترامپ", "Trump"), ("بایدن", "Biden"), ("پوتین", "Putin")]
    # Hebrew's פ is p or f
    assert found("טראמפ נפגש עם ביידן ועם פוטין ופומפאו", "he", *NAMES) == [
        ("טראמפ", "Trump"), ("ביידן", "Biden"), ("פוטין", "Putin"), ("פומפאו", "Pompeo")]
    # Biden and Putin share their consonants (P T M): the vowels tell 普京 pu-jing and 푸틴 from 拜登 and 바이든
    assert found("特朗普说，拜登和普京以及蓬佩奥、内塔尼亚胡都在。", "zh", *NAMES) == [
        ("特朗普", "Trump"), ("拜登", "Biden"), ("普京", "Putin"), ("蓬佩奥", "Pompeo"), ("内塔尼亚胡", "Netanyahu")]
    assert found("トランプ大統領とバイデン氏、プーチン、ポンペオ、ネタニヤフ", "ja", *NAMES) == [
        ("トランプ", "Trump"), ("バイデン", "Biden"), ("プーチン", "Putin"), ("ポンペオ", "Pompeo"),
        ("ネタニヤフ", "Netanyahu")]
    assert found("트럼프는 바이든과 푸틴의 폼페이오 네타냐후", "ko", *NAMES) == [
        ("트럼프", "Trump"), ("바이든", "Biden"), ("푸틴", "Putin"), ("폼페이오", "Pompeo"), ("네타냐후", "Netanyahu")]
    # a given name run into the surname without the middle dot; but no surname cut out of a name's
    # syllables (杰森戴维斯, Jason Davis, ends in Sanders's consonants)
    assert found("总统唐纳德特朗普下令部署士兵。", "zh", *NAMES) == [("特朗普", "Trump")]
    assert found("谁在滥用权力？杰森戴维斯说。", "zh", "Bernie Sanders") == []


def test_a_given_name_the_story_prints_before_the_surname_makes_the_name_whole():
    names = (*NAMES, "Antonio Giovinazzi", "Geeta Mittal")
    # Chinese drops Donald's l and writes Geeta's g as ji; pinyin's q is ch (乔维纳齐)
    assert found("总统唐纳德·特朗普下令。首席大法官吉塔·米塔尔说。", "zh", *names) == [
        ("唐纳德·特朗普", "Donald Trump"), ("吉塔·米塔尔", "Geeta Mittal")]
    assert found("ドナルド・トランプ大統領", "ja", *names) == [("ドナルド・トランプ", "Donald Trump")]
    assert found("قال الرئيس دونالد ترامب إن", "ar", *names) == [("دونالد ترامب", "Donald Trump")]
    # a given name is held to its surname's company only: its feminine-looking ending and one written vowel
    assert found("قوات الجنرال خليفة حفتر", "ar", "Khalifa Haftar") == [("خليفة حفتر", "Khalifa Haftar")]
    assert found("도널드 트럼프 대통령", "ko", *names) == [("도널드 트럼프", "Donald Trump")]
    # Chinese writes names by their British sound: no r before a consonant; its bo is a neutral vowel
    assert found("司法部长戴尔·马歇尔说，参议员伯尼·桑德斯和迈克尔·布隆伯格都在。", "zh", "Dale Marshall",
                 "Bernie Sanders", "Michael Bloomberg") == [
        ("戴尔·马歇尔", "Dale Marshall"), ("伯尼·桑德斯", "Bernie Sanders"), ("迈克尔·布隆伯格", "Michael Bloomberg")]
    # a surname of two sound classes, some syllables of any page alone, is a name after its given name
    assert found("首席执行官肖恩·博伊德说，博伊德很满意。", "zh", "Sean Boyd") == [("肖恩·博伊德", "Sean Boyd")]
    # a given name the story gives another man stays out
    assert found("约瑟夫·拜登说。", "zh", *names) == [("拜登", "Biden")]


def test_words_that_have_a_names_consonants_are_no_name():
    # "without" has Biden's consonants, "about" and "in the name of" Buzyn's: their written vowels are not theirs
    assert found("بدون أي اتفاق بشأن الملف باسم الحكومة", "ar", "Joe Biden", "Agnès Buzyn") == []
    # a short name inside a longer run of name syllables is some other name's (Quetzaltenango), and one
    # that opens on a vowel is no stretch that opens on a consonant (Lucknow's 克瑙)
    assert found("危地马拉克萨尔特南戈省的工人在勒克瑙提出要求。", "zh", "Peter Altin", "Maria Agenta") == []
    # a word with the article ("the disease", "by the work") or a noun's ending is no foreign name, nor is
    # France (فرنسا: f, where Prensa has a p) or another place CLDR names
    assert found("أصيب المرض بالعمل في فرنسا وزيادة", "ar", "Anna Arnold", "Michel Barnier", "Ana Prensa",
                 "Paul Zyada") == []
    # Chinese: "thing" has Thomas's consonants but no vowel after the m, "ordinary" Biden's but an o
    # for his e; four syllables and a state (弗吉尼亚州, Virginia) are no Putin, Bulgaria no Biswal
    assert found("这个东西很普通。弗吉尼亚州和保加利亚。", "zh", "Tom Thomas", "Joe Biden", "Vladimir Putin",
                 "Ravi Biswal") == []
    # names of two sound classes (Kim: K M) are some syllable of any page, and only persons are looked for
    assert found("金正恩会见了代表团。", "zh", "Kim Jong", "Kim") == []
    article = Article(source="page", title=None, text="特朗普说。", language="zh")
    assert story_persons_in_other_scripts([article], [Mention(source="en", text="Trump Tower", type="ORG")]) == []


def test_the_chinese_source_names_the_person_the_english_source_names(tmp_path):
    """Searched by the Chinese spelling, the registry answers the person the English source names
    in full, and the row lists both spellings."""
    records = entity_records(tmp_path, {
        "zh.txt": "特朗普下令向伊拉克增派士兵\n\n2024年1月2日\n\n美国驻巴格达大使馆遭到袭击后，特朗普总统星期二下令向"
                  "伊拉克增派七百五十名士兵。特朗普说，伊朗应对袭击负全部责任。国防部表示，士兵将在未来几天抵达巴格达。\n",
        "en.txt": "Trump sends troops to Iraq after embassy attack\n\nJanuary 2, 2024\n\nWASHINGTON - President Donald "
                  "Trump ordered 750 more soldiers to Iraq on Tuesday after the attack on the United States embassy in "
                  "Baghdad. Trump said Iran was fully responsible for the attack. The Pentagon said the troops would "
                  "reach Baghdad in the coming days.\n"}, "特朗普")
    assert [r["name"] for r in records] == ["Donald Trump"]
    assert {"Donald Trump", "特朗普"} <= set(records[0]["spellings"])


def test_a_person_found_by_the_story_says_the_quote_beside_them():
    """The Chinese and Arabic pages name no person alone; the English one says who 特朗普 and ترامب are."""
    from storyline.analysis import analyze_article, run_story_stages

    pages = {"zh": "美国总统特朗普周五在白宫表示：“我们不会允许伊朗拥有核武器，我们将采取一切必要措施。”",
             "ar": 'وقال الرئيس الأمريكي دونالد ترامب في البيت الأبيض: "لن نسمح لإيران بامتلاك سلاح نووي أبدا".',
             "en": "President Donald Trump said on Friday that Iran would never have nuclear weapons."}
    articles = [Article(source=lang, title=None, text=text, language=lang) for lang, text in pages.items()]
    ctx = run_story_stages(articles, {a.source: analyze_article(a) for a in articles}, ["en"])
    said = {q.source: q.speaker for q in ctx.quotes if q.kind == "direct"}
    assert said == {"zh": "Donald Trump", "ar": "Donald Trump"}
    # alone, the pages' quotes have no speaker
    assert [q.speaker for a in articles[:2] for q in analyze_article(a).quotes] == [None, None]
