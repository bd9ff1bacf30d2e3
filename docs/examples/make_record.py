#!/usr/bin/env python3
"""Writes release.record.jsonl: hand annotations of release.txt (a fictional
release written for the screenshots) as a prex.v1 record with text.
Run from docs/examples/: python3 make_record.py"""
import json, re, sys
text = open('release.txt', encoding='utf-8').read()
def f(s, n=1, after=0):
    i = after - 1
    for _ in range(n):
        i = text.index(s, i + 1)
    return i, i + len(s)
def sp(s, n=1, after=0, **kw):
    a, b = f(s, n, after); d = {"text": s, "start": a, "end": b}; d.update(kw); return d
# sentences: naive split on ". " / newlines for the demo
sents = []
for m in re.finditer(r'[^\n]+', text):
    line_s = m.start()
    for sm in re.finditer(r'.+?(?:(?<!U\.S)[.!?][”"]?(?=\s)|$)', m.group()):
        seg = sm.group().strip()
        if seg:
            st = line_s + sm.start() + (len(sm.group()) - len(sm.group().lstrip()))
            sents.append({"start": st, "end": st + len(seg)})
def sent(a):
    for i, s in enumerate(sents):
        if s["start"] <= a < s["end"]: return i
    return 0
ents = []
def ent(s, label, canon=None, country=None, rule="gazetteer", n=1):
    d = sp(s, n); d.update(label=label, sentence=sent(d["start"]), canonical=canon or s, rule=rule)
    if country: d["country"] = country
    ents.append(d)
ent("Daniel Okoro", "PERSON", rule="title+name")
ent("LAGOS", "GPE", "Lagos", "NG", "gazetteer:cities")
ent("Nigeria", "GPE", country="NG", rule="gazetteer:countries")
ent("Freedom Watch International", "ORG", rule="dateline:org")
ent("Kano State", "GPE", country="NG", rule="gazetteer:states")
ent("Daniel Okoro", "PERSON", n=2, rule="title+name")
ent("Nigerian", "NORP", rule="gazetteer:nationalities")
ent("Section 210 of the Kano State Penal Code", "LAW", rule="law:section-of")
ent("Okoro", "PERSON", "Daniel Okoro", n=3, rule="coref:surname")
ent("Christian", "NORP", rule="gazetteer:religions", n=1)
ent("northern Nigeria", "LOC", country="NG", rule="gazetteer:regions")
ent("Grace Adeyemi", "PERSON", rule="name-list")
ent("Freedom Watch International", "ORG", n=2, rule="org-list")
ent("Supreme Court", "ORG", rule="org-list")
ent("Section 210", "LAW", "Section 210 of the Kano State Penal Code", n=2, rule="law:section")
ent("Okoro", "PERSON", "Daniel Okoro", n=4, rule="coref:surname")
ent("European Union", "ORG", rule="org-list")
ent("U.S. Commission on International Religious Freedom", "ORG", rule="org-list")
ent("Commission", "ORG", "U.S. Commission on International Religious Freedom", n=2, rule="coref:head")
ents.sort(key=lambda e: e["start"])
dates = []
def date(s, typ, val, anchored=False, n=1, rule="timex"):
    d = sp(s, n); d.update(type=typ, value=val, sentence=sent(d["start"]), anchored=anchored, rule=rule); dates.append(d)
date("March 3, 2021", "DATE", "2021-03-03", rule="timex:month-day-year")
date("Monday", "DATE", "2021-03-01", True, rule="timex:weekday")
date("five-year", "DURATION", "P5Y", n=1, rule="timex:n-year")
date("June 12, 2019", "DATE", "2019-06-12", rule="timex:month-day-year")
date("last month", "DATE", "2021-02", True, rule="timex:last-unit")
date("five years", "DURATION", "P5Y", rule="timex:n-units")
date("two years", "DURATION", "P2Y", rule="timex:n-units")
date("March 2", "DATE", "2021-03-02", True, rule="timex:month-day")
dates.sort(key=lambda e: e["start"])
q1a = sp("The ruling tells every Christian in northern Nigeria that a single accusation is enough to lose five years of your life,")
q1a["text"] = q1a["text"]
q2 = sp("We will take this case to the Supreme Court,")
q3 = sp("Nobody should sit in a cell for what they believe,")
def quote(parts, speaker, cue, rule):
    return {"text": " ".join(p["text"] for p in parts), "parts": [{"start": p["start"], "end": p["end"]} for p in parts],
            "start": parts[0]["start"], "end": parts[-1]["end"], "sentence": sent(parts[0]["start"]),
            "speaker": speaker, "cue": cue, "rule": rule}
quotes = [
  quote([q1a], sp("Grace Adeyemi", canonical="Grace Adeyemi"), sp("said", 1, q1a["end"]), "quote:said-NAME"),
  quote([q2], sp("she", 1, q2["end"], canonical="Grace Adeyemi"), sp("added", 1, q2["end"]), "quote:PRON-added"),
  quote([q3], sp("the Commission", 1, q3["end"], canonical="U.S. Commission on International Religious Freedom"), sp("said in a statement", 1, q3["end"]), "quote:NP-said"),
]
pens = []
def pen(s, kind, status, n=1, duration=None, amount=None, life=False, bound="exact", subject=None, offense=None, law=None, rule="penalty"):
    d = sp(s, n); d.update(sentence=sent(d["start"]), kind=kind, duration=duration, amount=amount, life=life, bound=bound,
        status=status, subject=subject, offense=offense, law=law, rule=rule); pens.append(d)
okoro = sp("Pastor Daniel Okoro", 2, canonical="Daniel Okoro")
okoro["start"] += 7; okoro["text"] = "Daniel Okoro"
pen("five-year prison sentence", "imprisonment", "upheld", 1, "P5Y", subject=okoro, offense=sp("blasphemy"), law=sp("Section 210 of the Kano State Penal Code"), rule="penalty:n-year-prison")
a = sp("₦500,000")
pen("a fine of ₦500,000", "fine", "imposed", amount={"value": 500000, "currency": "NGN", "text": "₦500,000"}, subject=sp("Okoro", 3, canonical="Daniel Okoro"), rule="penalty:fine-of")
pen("lose five years of your life", "imprisonment", "potential", duration="P5Y", rule="penalty:lose-n-years")
pen("a maximum penalty of two years in prison", "imprisonment", "statutory", duration="P2Y", bound="max", offense=sp("blasphemy", 2), law=sp("Section 210", 2), rule="penalty:max-n-years")
pen("death", "death", "statutory", 1, offense=sp("the same offense"), law=sp("the state’s Sharia code"), rule="penalty:allows-death")
pen("a possible death sentence", "death", "potential", subject=sp("he", 1, text.index("faces")-4, canonical="Daniel Okoro"), rule="penalty:faces")
pens.sort(key=lambda e: e["start"])
dl = f("LAGOS, Nigeria, March 3, 2021 /Freedom Watch International/")
rec = {"schema": "prex.v1", "id": "examples/release.txt",
  "source": {"path": "docs/examples/release.txt", "format": "text", "bytes": len(text.encode()), "chars": len(text)},
  "title": "Court Upholds Five-Year Sentence for Pastor Daniel Okoro",
  "dateline": {"date": "2021-03-03", "place": "Lagos, Nigeria", "organization": "Freedom Watch International", "start": dl[0], "end": dl[1]},
  "dct": "2021-03-03", "sentences": sents, "entities": ents, "dates": dates, "quotations": quotes, "penalties": pens, "warnings": [], "text": text}
for fld in ("entities","dates","penalties"):
    for x in rec[fld]:
        assert text[x["start"]:x["end"]] == x["text"], x
json.dump(rec, open('release.record.jsonl', 'w', encoding='utf-8'), ensure_ascii=False)
open('release.record.jsonl','a').write("\n")
