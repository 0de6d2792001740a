"""The office a title in another language names, in English, so that sources in several languages
compare: a Spanish source's "ministro de Exteriores" and a German one's "Außenminister" are the
English source's "Foreign Minister" (no discrepancy), and set against its "Defence Minister" (one).

Only offices `discrepancies_people.OFFICES` knows, and only where the words say which: "canciller" is
a foreign minister in Latin America and Germany's chancellor in Spain, so it names none; an office of
the past ("expresidente", "ehemaliger Kanzler", "były premier") reads as a former one.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (pattern, English office), the more specific first: "presidente del Gobierno" before "presidente",
# "secretario general" before "general", a portfolio's minister before a minister.
_OFFICES = [(re.compile(pattern, re.IGNORECASE), english) for pattern, english in (
    (r"\b(?:ex(?:-|\s+|(?=presid|minist|premier|primer|alcald|gobern|canciller|senad|diputad|jefe|kanzler))|"
     r"ancien(?:ne)?\s|antigu[oa]\s|ehemalige[rn]?\s|frühere[rn]?\s|alt-?(?=bundes|kanzler|präsident|bürger)|"
     r"był[ay]\s|eski\s)|бывш|экс-", "former"),
    # Russian, as natasha's pages print a role before a name ("министр иностранных дел России")
    (r"премьер|председател\w*\s+правительства", "prime minister"),
    (r"вице-президент", "vice president"),
    (r"генеральн\w*\s+секретар|генсек", "secretary general"),
    (r"генеральн\w*\s+прокурор|генпрокурор", "prosecutor general"),
    (r"министр\w*\s+иностранных\s+дел|глав\w*\s+мид", "foreign minister"),
    (r"министр\w*\s+обороны", "defence minister"),
    (r"министр\w*\s+внутренних\s+дел", "interior minister"),
    (r"министр\w*\s+финансов", "finance minister"),
    (r"министр", "minister"),
    (r"пресс-секретар", "press secretary"),
    (r"официальн\w*\s+представител", "spokesperson"),
    (r"президент", "president"),
    (r"\bмэр", "mayor"),
    (r"губернатор", "governor"),
    (r"\bпос(?:ол|ла|лу|лом)\b", "ambassador"),
    (r"генерал", "general"),
    (r"\b(?:primer\s+ministr[oa]|premier\s+ministre|prim[oa]\s+ministr[oa]|primeir[oa][- ]ministr[oa]|"
     r"premierminister|presidente\s+del\s+(?:gobierno|consiglio)|président\s+du\s+conseil|"
     r"ministerpräsident|başbakan|premier(?:a|em)?)", "prime minister"),
    (r"\b(?:vice-?presidente?|vice-président|vizepräsident|wiceprezydent)", "vice president"),
    (r"\b(?:secretari[oa]\s+general|secrétaire\s+général|segretari[oa]\s+generale|generalsekretär|"
     r"sekretarz\s+generalny)", "secretary general"),
    (r"\b(?:fiscal\s+general|procurador(?:a)?\s+general|procureur\s+général|procuratore\s+generale|"
     r"generalstaatsanwalt|generalbundesanwalt|prokurator\s+generalny)", "attorney general"),
    (r"\b(?:secretari[oa]\s+de\s+estado|secrétaire\s+d['’]état|segretari[oa]\s+di\s+stato)", "secretary of state"),
    (r"(?:ministr[oa]\s+(?:de\s+)?(?:asuntos\s+|relaciones\s+)?exteriores|ministre\s+des\s+affaires\s+étrangères|"
     r"ministr[oa]\s+degli\s+(?:affari\s+)?esteri|ministr[oa]\s+dos\s+negócios\s+estrangeiros|"
     r"minister\s+van\s+buitenlandse\s+zaken|minister\s+spraw\s+zagranicznych|dışişleri\s+bakan|au(?:ß|ss)enminister)",
     "foreign minister"),
    (r"(?:ministr[oa]\s+de\s+(?:la\s+)?defensa|ministre\s+(?:de\s+la\s+défense|des\s+armées)|"
     r"ministr[oa]\s+della\s+difesa|ministr[oa]\s+da\s+defesa|minister\s+van\s+defensie|minister\s+obrony|"
     r"savunma\s+bakan|verteidigungsminister)", "defence minister"),
    (r"(?:ministr[oa]\s+del\s+interior|ministre\s+de\s+l['’]intérieur|ministr[oa]\s+dell['’]interno|"
     r"minister\s+van\s+binnenlandse\s+zaken|minister\s+spraw\s+wewnętrznych|içişleri\s+bakan|innenminister)",
     "interior minister"),
    (r"(?:ministr[oa]\s+de\s+(?:hacienda|finanzas)|ministre\s+des\s+finances|ministr[oa]\s+delle\s+finanze|"
     r"minister\s+van\s+financiën|minister\s+finansów|maliye\s+bakan|finanzminister)", "finance minister"),
    (r"(?:\bministr[oa]\b|\bministre\b|minister(?:in)?\b|\bbakan)", "minister"),
    (r"(?:\bportavoz|\bporte-parole|\bportavoce|\bporta-voz|sprecher(?:in)?\b|\brzeczni(?:k|czka)|"
     r"\bwoordvoerder|sözcüsü)", "spokesperson"),
    (r"(?:\balcalde(?:sa)?\b|\bmaire\b|\bsindac[oa]\b|\bprefeit[oa]\b|bürgermeister|\bburmistrz|\bburgemeester|"
     r"belediye\s+başkan)", "mayor"),
    (r"(?:\bpresident[ea]\b|\bprésidente?\b|präsident(?:in|en)?\b|\bprezydent|cumhurbaşkan)", "president"),
    (r"(?:\bgobernador(?:a)?\b|\bgouverneur\b|\bgovernatore\b|\bgovernador\b|\bgubernator\b|\bvali(?:si)?\b)",
     "governor"),
    (r"(?:\bembajador(?:a)?\b|\bambassadeur\b|\bambasciatore\b|\bembaixador\b|botschafter|\bambasador|"
     r"büyükelçi)", "ambassador"),
    (r"(?:kanzler(?:in)?\b|\bchancelière?\b|\bcancelliere\b|\bkanclerz)", "chancellor"),
    (r"(?:\bsenador(?:a)?\b|\bsénat(?:eur|rice)\b|\bsenatore\b|\bsenator(?:in)?\b)", "senator"),
    (r"(?:\bjuez(?:a)?\b|\bjuge\b|\bgiudice\b|\brichter(?:in)?\b|\bsędzia\b)", "judge"),
    (r"(?:\bfiscal\b|\bprocureur\b|\bprocuratore\b|staatsanwalt|\bprokurator|\bsavcı)", "prosecutor"),
    (r"(?:\bgeneral\b|\bgénéral\b|\bgenerale\b|\bgenerał\b|\bgeneraal\b)", "general"),
    (r"(?:\brey\b|\broi\b|\bkönig\b|\bkról\b)", "king"),
    (r"(?:\breina\b|\breine\b|\bregina\b|königin\b|\bkrólowa\b)", "queen"),
)]


@lru_cache(maxsize=4096)
def english_office(role: str) -> str | None:
    """The English office a title in another language names ("former" for one of the past), or None."""
    for pattern, english in _OFFICES:
        if pattern.search(role):
            return english
    return None
