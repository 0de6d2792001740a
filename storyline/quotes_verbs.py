"""The words that tell speech in the languages the rules read (`quotes_rules.py`): verbs of saying
before or after a quote, the cues of reported speech ("dijo que", "sagte, dass"), of whom it was
said to and of "according to". Lists, not logic, as `entities/rule_words.py` is for names.
"""

from __future__ import annotations

import re

RU_VERB = (r"(?:сказал|заявил|сообщил|отметил|подчеркнул|добавил|рассказал|пояснил|заверил|уточнил|признал|"
            r"напомнил|указал|считает|говорит|заявляет|отмечает|подчеркивает|подчёркивает|сообщает|полагает|"
            r"убежден|уверен|ответил|призвал|предупредил|объяснил|констатировал|резюмировал)\w{0,3}")
OTHER_VERB = (r"(?:said|says|told|added|stated|declared|a\s+(?:déclaré|dit|affirmé|ajouté|souligné|expliqué|indiqué)|"
               r"déclare|estime|affirme|sagte|erklärte|betonte|meinte|so|dijo|afirmó|declaró|señaló|explicó|"
               r"añadió|aseguró|ha\s+(?:detto|dichiarato|affermato|spiegato|aggiunto|sottolineato)|zei|verklaarde|"
               # what a letter, a statement or a comment says, in the present and the past
               r"dice|afirma|declara|señala|explica|añade|asegura|expresa|expresó|escribió|escribe|comentó|"
               r"indicó|agregó|sostuvo|manifestó|opina|confiesa|confesó|reconoce|reconoció|admite|admitió|"
               r"insiste|insistió|recuerda|recordó|subraya|subrayó|destaca|destacó|"
               # Spanish and Italian verbs of a statement: "resaltó Roy Guzmán", "sintetizó Edith", "ha precisato"
               r"resaltó|apuntó|remarcó|sintetizó|comunicó|puntualizó|enfatizó|precisó|aclaró|advirtió|consideró|"
               r"concluyó|detalló|informó|mencionó|refirió|relató|reiteró|denunció|lamentó|respondió|agrega|"
               r"insisten|cuentan|ha\s+(?:evidenziato|annunciato|assicurato|raccontato|concluso|risposto|avvertito)|"
               # Spanish in the perfect, as Spain's press writes it: "«…», ha dicho el portavoz del PNV"
               r"han?\s+(?:dicho|señalado|explicado|afirmado|asegurado|añadido|indicado|declarado|comentado|"
               r"manifestado|reconocido|subrayado|destacado|advertido|recordado|insistido|concluido|apuntado|"
               r"precisado|escrito|agregado|sostenido|informado|respondido|denunciado|lamentado|confesado)|"
               # Portuguese: "disse o ministro", "afirmou", "acrescentou"
               r"disse|disseram|diz|dizem|afirmou|declarou|explicou|acrescentou|destacou|ressaltou|salientou|"
               r"sublinhou|comentou|escreveu|garantiu|observou|lembrou|reconheceu|admitiu|avaliou|defendeu|"
               r"argumentou|respondeu|frisou|"
               # Dutch: "aldus de woordvoerder", "vertelde", "liet weten"
               r"aldus|vertelde|benadrukte|liet\s+weten|"
               # what a post says: "„…”, twitterte der Präsident", "tuiteó", "a tweeté", "ha twittato"
               r"twitterte|twittert|tweetete|tuiteó|tuitea|a\s+tweeté|tweete|ha\s+twittato|twitta|"
               r"aggiungendo|precisa|racconta|osserva|avverte|commenta|"
               r"ha\s+(?:scritto|commentato|osservato|precisato|ammesso|confessato|ricordato|ribadito)|"
               r"scrive|afferma|dichiara|aggiunge|spiega|sottolinea|zegt|schreef|schrijft|voegde\s+toe|"
               r"stelde|a\s+(?:écrit|commenté|observé)|écrit|schrieb|schreibt|fügte\s+hinzu|"
               # German present and perfect: "„…“, hat Stefan Lauer festgestellt", "sagt Moderator Meuser"
               r"sagt|sagen|sagten|erklärt|betont|meint|warnte|warnt|kritisierte|forderte|ergänzte|unterstrich|"
               r"hieß\s+es|gesagt|festgestellt|"
               # Polish in its three genders and plural: "- napisał na Twitterze", "– mówili obrońcy"
               r"(?:powiedzia|stwierdzi|napisa|oświadczy|doda|podkreśli|zaznaczy|wyjaśni|przekonywa|oceni|"
               r"tłumaczy|zapewni|przyzna|poinformowa|zauważy|odpowiedzia|mówi)(?:ł|ła|li|ły)|powiedzieli|"
               r"mówi|podkreśla|dodaje|stwierdza|głosi|czytamy|pisze|napisano|"
               # Turkish, after the quote: "X, “…” dedi.", "“…” şeklinde konuştu", "“…” ifadelerini kullandı"
               r"dedi|söyledi|açıkladı|belirtti|kaydetti|vurguladı|ekledi|konuştu|(?:ifadelerini|ifadesini|sözlerini)\s+kullandı|"
               r"dile\s+getirdi|yazdı|uyardı|diyor|"
               # French present and past: "« … », assure la directrice Alice Santin-Janin", "ont-ils déclaré"
               r"(?:a|ont)\s+(?:précisé|assuré|estimé|confié|raconté|rappelé|reconnu|annoncé|averti|martelé|lancé|"
               r"insisté|jugé|dénoncé|regretté|déploré|prévenu|résumé|témoigné)|"
               r"ont\s+(?:déclaré|dit|affirmé|ajouté|souligné|expliqué|indiqué|écrit|commenté|observé)|"
               r"ont-(?:ils|elles)\s+\w+|"
               r"assure|explique|précise|souligne|indique|ajoute|raconte|confie|poursuit|conclut|rappelle|"
               r"résume|témoigne|martèle|prévient|reconnaît|admet|déplore|regrette|dénonce|"
               # as the lists above missed them in a foreign press's pages: Spanish "continuó", "recalcó", and the
               # plural "dijeron"; French "observe", "a répondu", an adverb between auxiliary and participle
               # ("a récemment déclaré"); Italian "ha riferito", "ha replicato"; German "erklären", "versprach",
               # "rät"; Polish "przekazał", "odparł", a body's neuter ("napisało na Facebooku Nyskie Pogotowie")
               r"continuó|recalcó|sentenció|recriminó|finalizó|remató|dijeron|afirmaron|señalaron|explicaron|"
               r"añadieron|aseguraron|indicaron|escribieron|detallaron|manifestaron|agregaron|"
               r"observe|répond|(?:a|ont)\s+\w+ment\s+(?:déclaré|dit|affirmé|ajouté|souligné|expliqué|indiqué|"
               r"précisé|assuré|estimé|répondu)|(?:a|ont)\s+(?:répondu|commencé|mentionnée?|noté|poursuivi|conclu|"
               r"fait\s+savoir)|ha\s+(?:riferito|replicato|fatto\s+sapere|rilevato)|"
               r"hanno\s+(?:detto|dichiarato|spiegato|affermato)|replica|"
               r"erklären|erklärten|versprechen|versprach|verspricht|rät|riet|bestätigte|berichtete|antwortete|"
               r"kommentierte|mahnte|erläuterte|bekräftigte|betonten|teilte|teilt|erinnert|erinnerte|findet|"
               r"kündigte|kündigt|fasste|plädierte|plädiert|appellierte|beteuerte|versicherte|"
               r"przekaza(?:ł|ła|li|ło)|odpar(?:ł|ła|li)|(?:powiedzia|napisa|poinformowa|oświadczy|doda|podkreśli)ło|"
               # the imperfect a report of what someone kept saying uses: "Il ajoutait : «…»", "decía", "diceva"
               r"(?:ajout|affirm|déclar|expliqu|précis|estim|assur|soulign|indiqu)ait|disait|"
               r"(?:afirm|explic|señal|asegur|detall|indic)aban?|decía|añadía|"
               r"aggiungeva|diceva|spiegava|affermava|dichiarava|"
               # French inversion: « … », a-t-il ajouté / ajoute-t-elle / dit-il
               r"a-t-(?:il|elle)\s+\w+|\w+-t-(?:il|elle)|(?:dit|déclare|explique|précise|souligne|estime|affirme|"
               r"poursuit|conclut|insiste|assure)-(?:il|elle)|" + RU_VERB + ")")
# Arabic, Persian and Hebrew verbs of saying, Arabic's after a conjunction written onto them ("وقال",
# "فأضاف"), and the participles that carry a quote on ("قائلا", "مضيفا"); Chinese and Japanese ones,
# which no space sets apart ("特朗普说：", "と述べた").
SCRIPT_VERB = (r"(?<!\w)[وف]?(?:قال|قالت|قالوا|يقول|تقول|أضاف|أضافت|أكد|أكدت|صرح|صرحت|تابع|تابعت|أوضح|"
                r"أوضحت|أشار|أشارت|كتب|كتبت|أعلن|أعلنت|ذكر|ذكرت|أفاد|أفادت|شدد|شددت|قائلا|قائلة|مضيفا|مضيفة|"
                r"مؤكدا|مؤكدة|گفت|افزود|נאמר|אמר|אמרה|הוסיף|הוסיפה|כתב|כתבה|말했다|밝혔다|덧붙였다|강조했다|"
                r"전했다)(?!\w)|"
                r"说道|说|表示|称|指出|强调|写道|透露|宣布|补充道|回应|告诉|述べた|語った|話した|と述べ|と語|と話")
VERB_RE = re.compile(r"(?<!\w)" + OTHER_VERB + r"(?!\w)|" + SCRIPT_VERB, re.IGNORECASE)
RU_INDIRECT = re.compile(r"(?<!\w)" + RU_VERB + r"(?:\s+[^,.]{0,40})?,\s+(?:что|будто)\s+", re.IGNORECASE)
# Reported speech in French, Spanish, Italian and German: "X a indiqué que …", "dijo que", "sagte, dass".
OTHER_INDIRECT = re.compile(
    r"(?<![\w'’])(?:a\s+(?:déclaré|dit|indiqué|affirmé|ajouté|souligné|expliqué|précisé|estimé|assuré|annoncé|"
    r"reconnu|confirmé)|déclare|estime|affirme|indique|assure|annonce|explique|précise|dijo|afirmó|declaró|señaló|"
    r"explicó|aseguró|añadió|sagte|erklärte|betonte|ha\s+(?:detto|dichiarato|affermato|spiegato|aggiunto))"
    r"(?:\s+(?P<gap>[^,.«»\"]{0,40}?))?,?\s+(?:que\b|qu['’]|dass\b|che\b)\s*", re.IGNORECASE)
# Whom it was said to, between the verb and "que": "ha detto a KMOV che", "a déclaré à l'AFP que",
# "dijo a la prensa que", "sagte dem Sender, dass" (a name there is the listener, no speaker).
TOLD = re.compile(r"(?:a|à|al|alla|allo|ai|agli|alle|au|aux|dem|der|den)\s", re.IGNORECASE)
ACCORDING = re.compile(r"(?<!\w)(?:по\s+словам|как\s+(?:сообщил|заявил|отметил|сказал)\w{0,3}|according\s+to|"
                        r"selon|laut|según|secondo|nach\s+angaben\s+(?:von|des|der))\s+", re.IGNORECASE)
