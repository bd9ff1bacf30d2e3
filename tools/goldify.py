#!/usr/bin/env python3
"""goldify: turn hand annotations (tests/gold-src/*.json) into prex eval gold files.

The source format and the annotation conventions are described in
docs/gold-src-format.md; the output shapes are those of ../shared/SCHEMA.md, with
Unicode code-point offsets into the document text.

Usage:
    python3 tools/goldify.py                 # convert every tests/gold-src/*.json
    python3 tools/goldify.py FILE...         # convert only these sources
    python3 tools/goldify.py --check         # verify only (no writes); also reports stale gold
    python3 tools/goldify.py -v FILE         # show every located span with its context

Options:
    --root DIR     repository root (default: the parent of tools/)
    --prex PATH    prex binary used for the readable text of .html/.htm documents
                   (default: the newer of target/release/prex and target/debug/prex)

Location rules (see docs/gold-src-format.md):
  * sentences, entities, dates, quotations (first part) and penalties (text) are found
    sequentially: each item is searched forward from the end of the previous item of
    the same list; later quotation parts are searched forward from the previous part.
    "skip": K (objects) or a trailing {"skip": K} element (lists) skips K occurrences.
  * dateline.text is found at its first occurrence (honouring an optional
    "skip" key in the dateline object).
  * speaker, cue (of a quotation) and subject, offense, law, amount.text (of a
    penalty) are found at the occurrence nearest to the quotation / penalty span
    (distance between spans; ties go to the earlier occurrence). Speaker and cue
    occurrences inside the quotation's own parts are never used. Any of these may also
    be written as {"text": "...", "skip": K} to take the (K+1)-th nearest occurrence.
  * An occurrence never starts or ends inside a word: if the searched string begins
    (ends) with a letter or digit, the character before (after) the occurrence must
    not be a letter or digit. So "Iran" does not match inside "Iranian" and "he" does
    not match inside "the".

Exit status: 0 when every source converted (HTML sources skipped for lack of a prex
binary do not count as failures), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "LAW"}
DATE_TYPES = {"DATE", "TIME", "DURATION", "SET"}
PENALTY_KINDS = {
    "imprisonment", "death", "fine", "restitution", "forfeiture", "detention",
    "forced_labor", "corporal", "probation", "supervised_release", "house_arrest",
    "community_service", "deportation", "other",
}
BOUNDS = {"exact", "max", "min"}
STATUSES = {"imposed", "upheld", "overturned", "potential", "statutory"}
DURATION_RE = re.compile(r"^P(?=\d|X|T\d|TX)(?:(?:\d+(?:\.\d+)?|X)Y)?(?:(?:\d+(?:\.\d+)?|X)M)?"
                         r"(?:(?:\d+(?:\.\d+)?|X)W)?(?:(?:\d+(?:\.\d+)?|X)D)?"
                         r"(?:T(?:(?:\d+(?:\.\d+)?|X)H)?(?:(?:\d+(?:\.\d+)?|X)M)?"
                         r"(?:(?:\d+(?:\.\d+)?|X)S)?)?$")
ISO_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TIMEX_VALUE_RE = re.compile(
    r"^(?:"
    r"PAST_REF|PRESENT_REF|FUTURE_REF"
    r"|P.*"                                     # durations (checked separately)
    r"|(?:\d{4}|\d{2,3}X{1,2}|X{4})"            # year / decade / century / unknown year
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?"       # -MM(-DD)
    r"|-W(?:\d{2}|XX)(?:-WE|-\d)?"              # -Www / weekend / week day
    r"|-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?"         # seasons, quarters, halves
    r"(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT))?"  # time of day
    r")$"
)
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")

# --------------------------------------------------------------------------- text

_CP1252 = []
for _b in range(256):
    try:
        _CP1252.append(bytes([_b]).decode("cp1252"))
    except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: WHATWG maps to U+0081 ...
        _CP1252.append(chr(_b))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode like prex: UTF-8, else windows-1252 (WHATWG); leading BOM removed."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = "".join(_CP1252[b] for b in data), "windows-1252"
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, enc


def find_prex(root: Path, explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    cands = [p for p in (root / "target/release/prex", root / "target/debug/prex") if p.is_file()]
    if not cands:
        return None
    return max(cands, key=lambda p: p.stat().st_mtime)


class Skip(Exception):
    pass


def html_text(root: Path, path: Path, prex: Path | None) -> str:
    if prex is None or not prex.is_file():
        raise Skip("no prex binary (target/debug/prex or target/release/prex) to extract HTML text")
    try:
        proc = subprocess.run([str(prex), "extract", "--include-text", str(path)],
                              cwd=root, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise Skip(f"running {prex} failed: {e}")
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and isinstance(rec.get("text"), str):
            return rec["text"]
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    raise Skip(f"{prex} extract --include-text gave no record with a text "
               f"(exit {proc.returncode}{': ' + err[-1] if err else ''})")


def document_text(root: Path, doc_id: str, prex: Path | None) -> str:
    path = root / "corpus" / doc_id
    if not path.is_file():
        raise FileNotFoundError(f"corpus/{doc_id} does not exist")
    if path.suffix.lower() in (".html", ".htm"):
        return html_text(root, path, prex)
    return decode_bytes(path.read_bytes())[0]


# ------------------------------------------------------------------- source JSON

def strip_line_comments(s: str) -> str:
    """Remove // comments outside JSON strings (the format doc's example uses them)."""
    out, i, n, in_str = [], 0, len(s), False
    while i < n:
        c = s[i]
        if in_str:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(s[i + 1])
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
            out.append(c)
        elif c == "/" and i + 1 < n and s[i + 1] == "/":
            while i < n and s[i] != "\n":
                i += 1
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


def load_source(path: Path):
    raw = path.read_text(encoding="utf-8")
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return json.loads(strip_line_comments(raw))


# --------------------------------------------------------------------- locating

class Doc:
    def __init__(self, name: str, text: str):
        self.name = name
        self.text = text
        self.errors: list[str] = []

    def err(self, where: str, msg: str):
        self.errors.append(f"{self.name}: {where}: {msg}")

    def ctx(self, start: int, end: int, width: int = 30) -> str:
        a, b = max(0, start - width), min(len(self.text), end + width)
        return (self.text[a:start] + "⟦" + self.text[start:end] + "⟧" + self.text[end:b]).replace("\n", "⏎")

    def occurrences(self, needle: str, start: int = 0):
        """All word-boundary-respecting occurrences of needle at or after start."""
        t = self.text
        if not needle:
            return
        lead = needle[0].isalnum()
        trail = needle[-1].isalnum()
        i = t.find(needle, start)
        while i != -1:
            j = i + len(needle)
            ok = not (lead and i > 0 and t[i - 1].isalnum()) and not (trail and j < len(t) and t[j].isalnum())
            if ok:
                yield i
            i = t.find(needle, i + 1)

    def hint(self, needle: str, cursor: int) -> str:
        t = self.text
        allocc = list(self.occurrences(needle, 0))
        after = [i for i in allocc if i >= cursor]
        if after:
            return f" (only {len(after)} occurrence(s) after the search start {cursor}: skip too large?)"
        if allocc:
            return (f" (it occurs only before the search start {cursor}, first at {allocc[0]}: "
                    f"{self.ctx(allocc[0], allocc[0] + len(needle), 20)!r}; list out of order or a wrong earlier item?)")
        if needle in t:
            return " (it only occurs inside a longer word)"
        alt = (needle.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'"))
        alt_t = t.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
        k = alt_t.find(alt)
        if k != -1:
            return f" (it occurs with different quote marks / apostrophes at {k}: {t[k:k + len(needle)]!r})"
        ws = re.sub(r"\s+", " ", needle)
        k = re.sub(r"\s+", " ", t).find(ws)
        if k != -1:
            return " (it occurs with different whitespace; copy it exactly, including line breaks)"
        # longest prefix that does occur
        lo, hi = 0, len(needle)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if needle[:mid] in t[cursor:]:
                lo = mid
            else:
                hi = mid - 1
        if lo:
            k = t.find(needle[:lo], cursor)
            return (f" (longest prefix found after the search start: {needle[:lo]!r} at {k}, "
                    f"text continues {t[k + lo:k + lo + 25]!r})")
        return ""

    def seq(self, needle, cursor: int, skip: int, where: str):
        if not isinstance(needle, str) or not needle:
            self.err(where, f"expected a non-empty string, got {needle!r}")
            return None
        if not isinstance(skip, int) or skip < 0:
            self.err(where, f"bad skip {skip!r}")
            return None
        for k, i in enumerate(self.occurrences(needle, cursor)):
            if k == skip:
                return (i, i + len(needle))
        self.err(where, f"{needle!r} not found after offset {cursor}"
                 + (f" with skip {skip}" if skip else "") + self.hint(needle, cursor))
        return None

    def nearest(self, spec, anchor: tuple[int, int], where: str, exclude=()):
        """Locate spec (str or {"text", "skip"}) at the occurrence nearest to anchor."""
        skip = 0
        if isinstance(spec, dict):
            skip = spec.get("skip", 0)
            spec = spec.get("text")
        if not isinstance(spec, str) or not spec:
            self.err(where, f"expected a non-empty string, got {spec!r}")
            return None
        cands = []
        for i in self.occurrences(spec, 0):
            j = i + len(spec)
            if any(i < b and a < j for a, b in exclude):
                continue
            d = max(0, anchor[0] - j, i - anchor[1])
            cands.append((d, i))
        cands.sort()
        if len(cands) <= skip:
            self.err(where, f"{spec!r} not found" + (f" (with skip {skip})" if skip else "")
                     + ("" if exclude == () else " outside the quotation") + self.hint(spec, 0))
            return None
        i = cands[skip][1]
        return (i, i + len(spec))


def split_skip(item: list):
    """[a, b, ..., {"skip": K}] -> ([a, b, ...], K)"""
    skip = 0
    vals = []
    for x in item:
        if isinstance(x, dict):
            skip = x.get("skip", 0)
        else:
            vals.append(x)
    return vals, skip


# ------------------------------------------------------------------- conversion

def sentence_index(sents: list[dict], start: int) -> int | None:
    idx = None
    for k, s in enumerate(sents):
        if s["start"] <= start:
            idx = k
        else:
            break
    return idx


def convert(src: dict, doc: Doc, counts: dict, verbose: bool) -> dict:
    text = doc.text
    out: dict = {"id": src["id"]}
    show = (lambda kind, s, e: print(f"  {kind:10} {s:6}-{e:<6} {doc.ctx(s, e)}")) if verbose else (lambda *a: None)

    if "title" in src:
        t = src["title"]
        if t is not None and not isinstance(t, str):
            doc.err("title", f"must be a string or null, got {t!r}")
        elif isinstance(t, str) and t not in text:
            print(f"note: {doc.name}: title {t!r} does not occur verbatim in the text", file=sys.stderr)
        out["title"] = t
        counts["title"] += t is not None

    if "dateline" in src:
        dl = src["dateline"]
        if dl is None:
            out["dateline"] = None
        elif not isinstance(dl, dict):
            doc.err("dateline", "must be an object or null")
        else:
            d = dl.get("date")
            if d is not None and not ISO_DATE_RE.match(str(d)):
                doc.err("dateline.date", f"not an ISO date: {d!r}")
            sp = doc.seq(dl.get("text"), 0, dl.get("skip", 0), "dateline.text")
            if sp:
                show("dateline", *sp)
                out["dateline"] = {"date": d, "place": dl.get("place"),
                                   "organization": dl.get("organization"),
                                   "start": sp[0], "end": sp[1]}
                counts["dateline"] += 1

    if "dct" in src:
        d = src["dct"]
        if d is not None and not ISO_DATE_RE.match(str(d)):
            doc.err("dct", f"not an ISO date: {d!r}")
        out["dct"] = d

    sents = None
    if "sentences" in src:
        sents = []
        cur = 0
        for k, s in enumerate(src["sentences"]):
            if isinstance(s, list):
                vals, skip = split_skip(s)
                s = vals[0] if vals else None
            else:
                skip = 0
            where = f"sentences[{k}]"
            sp = doc.seq(s, cur, skip, where)
            if sp is None:
                continue
            if s != s.strip():
                doc.err(where, "sentence has surrounding whitespace")
            sents.append({"start": sp[0], "end": sp[1]})
            show("sentence", *sp)
            cur = sp[1]
        out["sentences"] = sents
        counts["sentences"] += len(sents)

    def add_sentence(item: dict):
        if sents is not None:
            k = sentence_index(sents, item["start"])
            if k is None or item["start"] >= sents[k]["end"]:
                doc.err(f"span {item.get('text')!r}",
                        f"starts at {item['start']}, outside every listed sentence (a sentence missing?)")
            item["sentence"] = k

    if "entities" in src:
        ents = []
        cur = 0
        for k, e in enumerate(src["entities"]):
            where = f"entities[{k}] {e!r}"
            if not isinstance(e, list):
                doc.err(where, "must be a list [text, label, canonical?, country?, {skip}?]")
                continue
            vals, skip = split_skip(e)
            if len(vals) < 2 or len(vals) > 4:
                doc.err(where, "must be [text, label, canonical?, country?]")
                continue
            surface, label = vals[0], vals[1]
            canonical = vals[2] if len(vals) > 2 and vals[2] is not None else surface
            country = vals[3] if len(vals) > 3 else None
            if label not in ENTITY_LABELS:
                doc.err(where, f"bad label {label!r}")
            if country is not None and not re.match(r"^[A-Z]{2}$", str(country)):
                doc.err(where, f"bad country code {country!r}")
            sp = doc.seq(surface, cur, skip, where)
            if sp is None:
                continue
            cur = sp[1]
            item = {"text": surface, "label": label, "start": sp[0], "end": sp[1], "canonical": canonical}
            if country is not None:
                item["country"] = country
            add_sentence(item)
            show("entity", *sp)
            ents.append(item)
        for a, b in zip(ents, ents[1:]):
            if b["start"] < a["end"]:
                doc.err("entities", f"{a['text']!r} and {b['text']!r} overlap")
        out["entities"] = ents
        counts["entities"] += len(ents)

    if "dates" in src:
        dates = []
        cur = 0
        for k, e in enumerate(src["dates"]):
            where = f"dates[{k}] {e!r}"
            if not isinstance(e, list):
                doc.err(where, "must be a list [text, type, value, {skip}?]")
                continue
            vals, skip = split_skip(e)
            if len(vals) != 3:
                doc.err(where, "must be [text, type, value]")
                continue
            surface, typ, value = vals
            if typ not in DATE_TYPES:
                doc.err(where, f"bad type {typ!r}")
            if not isinstance(value, str) or not TIMEX_VALUE_RE.match(value):
                doc.err(where, f"doubtful TIMEX3 value {value!r}")
            elif value.startswith("P") and not value.endswith("_REF") and not DURATION_RE.match(value):
                doc.err(where, f"bad duration {value!r}")
            if typ == "DURATION" and not (isinstance(value, str) and value.startswith("P") and not value.endswith("_REF")):
                doc.err(where, f"DURATION with non-duration value {value!r}")
            sp = doc.seq(surface, cur, skip, where)
            if sp is None:
                continue
            cur = sp[1]
            item = {"text": surface, "type": typ, "value": value, "start": sp[0], "end": sp[1]}
            add_sentence(item)
            show("date", *sp)
            dates.append(item)
        out["dates"] = dates
        counts["dates"] += len(dates)

    if "quotations" in src:
        quots = []
        cur = 0
        for k, q in enumerate(src["quotations"]):
            parts_src = q.get("parts") if isinstance(q, dict) else None
            where = f"quotations[{k}] {str(parts_src[0])[:40] if parts_src else q!r}"
            if not parts_src or not isinstance(parts_src, list):
                doc.err(where, "needs a non-empty 'parts' list")
                continue
            parts = []
            pcur, skip = cur, q.get("skip", 0)
            for m, p in enumerate(parts_src):
                sp = doc.seq(p, pcur, skip if m == 0 else 0, f"{where} part {m}")
                if sp is None:
                    break
                if p != p.strip():
                    doc.err(f"{where} part {m}", "part has surrounding whitespace (the doc says everything between the marks; trim it)")
                parts.append(sp)
                pcur = sp[1]
            if len(parts) != len(parts_src):
                continue
            cur = parts[0][1]
            span = (parts[0][0], parts[-1][1])
            item = {"text": " ".join(parts_src), "parts": [{"start": a, "end": b} for a, b in parts],
                    "start": span[0], "end": span[1]}
            for m, (a, b) in enumerate(parts):
                show(f"quote.p{m}", a, b)
            spk = q.get("speaker")
            if spk is None:
                item["speaker"] = None
            else:
                sp = doc.nearest(spk, span, f"{where} speaker", exclude=parts)
                if sp:
                    stext = text[sp[0]:sp[1]]
                    can = q.get("speaker_canonical")
                    item["speaker"] = {"text": stext, "start": sp[0], "end": sp[1],
                                       "canonical": can if can is not None else stext}
                    show("speaker", *sp)
            cue = q.get("cue")
            if cue is None:
                item["cue"] = None
            else:
                sp = doc.nearest(cue, span, f"{where} cue", exclude=parts)
                if sp:
                    item["cue"] = {"text": text[sp[0]:sp[1]], "start": sp[0], "end": sp[1]}
                    show("cue", *sp)
            add_sentence(item)
            quots.append(item)
        out["quotations"] = quots
        counts["quotations"] += len(quots)

    if "penalties" in src:
        pens = []
        cur = 0
        for k, p in enumerate(src["penalties"]):
            where = f"penalties[{k}] {p.get('text') if isinstance(p, dict) else p!r}"
            if not isinstance(p, dict):
                doc.err(where, "must be an object")
                continue
            for key in ("kind", "duration", "amount", "life", "bound", "status"):
                if key not in p:
                    doc.err(where, f"missing {key!r}")
            if p.get("kind") not in PENALTY_KINDS:
                doc.err(where, f"bad kind {p.get('kind')!r}")
            if p.get("bound") not in BOUNDS:
                doc.err(where, f"bad bound {p.get('bound')!r}")
            if p.get("status") not in STATUSES:
                doc.err(where, f"bad status {p.get('status')!r}")
            if not isinstance(p.get("life", False), bool):
                doc.err(where, "life must be true/false")
            dur = p.get("duration")
            if dur is not None and not (isinstance(dur, str) and DURATION_RE.match(dur)):
                doc.err(where, f"bad duration {dur!r}")
            sp = doc.seq(p.get("text"), cur, p.get("skip", 0), where)
            if sp is None:
                continue
            cur = sp[1]
            show("penalty", *sp)
            amount = p.get("amount")
            if amount is not None:
                if not isinstance(amount, dict) or set(amount) - {"value", "currency", "text", "skip"} \
                        or not isinstance(amount.get("value"), (int, float)) or isinstance(amount.get("value"), bool) \
                        or not CURRENCY_RE.match(str(amount.get("currency"))) or not isinstance(amount.get("text"), str):
                    doc.err(where, f"bad amount {amount!r} (want {{value: number, currency: ISO 4217, text}})")
                    amount = None
                else:
                    asp = doc.nearest({"text": amount["text"], "skip": amount.get("skip", 0)}, sp, f"{where} amount.text")
                    if asp:
                        show("amount", *asp)
                    amount = {"value": amount["value"], "currency": amount["currency"], "text": amount["text"]}
            item = {"text": p["text"], "start": sp[0], "end": sp[1],
                    "kind": p.get("kind"), "duration": dur, "amount": amount,
                    "life": p.get("life", False), "bound": p.get("bound"), "status": p.get("status")}
            for role in ("subject", "offense", "law"):
                spec = p.get(role)
                if spec is None:
                    item[role] = None
                    continue
                rsp = doc.nearest(spec, sp, f"{where} {role}")
                if rsp is None:
                    continue
                r = {"text": text[rsp[0]:rsp[1]], "start": rsp[0], "end": rsp[1]}
                if role == "subject" and p.get("subject_canonical") is not None:
                    r["canonical"] = p["subject_canonical"]
                item[role] = r
                show(role, *rsp)
            add_sentence(item)
            pens.append(item)
        out["penalties"] = pens
        counts["penalties"] += len(pens)

    unknown = set(src) - {"id", "title", "dateline", "dct", "sentences", "entities", "dates",
                          "quotations", "penalties", "notes", "comment"}
    if unknown:
        print(f"note: {doc.name}: ignoring unknown keys {sorted(unknown)}", file=sys.stderr)
    return out


def verify(out: dict, doc: Doc):
    """Independent check: every span's text equals text[start:end]; arrays sorted."""
    t = doc.text

    def chk(where, obj, key="text"):
        if obj and key in obj and "start" in obj and t[obj["start"]:obj["end"]] != obj[key]:
            doc.err(where, f"text[{obj['start']}:{obj['end']}] != {obj[key]!r}")

    for name in ("entities", "dates", "quotations", "penalties"):
        arr = out.get(name) or []
        for k, it in enumerate(arr):
            if name != "quotations":
                chk(f"{name}[{k}]", it)
            else:
                joined = " ".join(t[p["start"]:p["end"]] for p in it["parts"])
                if joined != it["text"]:
                    doc.err(f"quotations[{k}]", "parts do not join to text")
                chk(f"quotations[{k}].speaker", it.get("speaker"))
                chk(f"quotations[{k}].cue", it.get("cue"))
            if name == "penalties":
                for role in ("subject", "offense", "law"):
                    chk(f"penalties[{k}].{role}", it.get(role))
        starts = [it["start"] for it in arr]
        if starts != sorted(starts):
            doc.err(name, "not sorted by start")
    sents = out.get("sentences") or []
    for a, b in zip(sents, sents[1:]):
        if b["start"] < a["end"]:
            doc.err("sentences", f"overlap at {b['start']}")


def dump(out: dict) -> str:
    """One top-level key per line, one list item per line (readable, diff-friendly)."""
    lines = []
    keys = list(out)
    for n, key in enumerate(keys):
        val = out[key]
        comma = "," if n + 1 < len(keys) else ""
        head = json.dumps(key, ensure_ascii=False) + ": "
        if isinstance(val, list) and val:
            lines.append(" " + head + "[")
            for m, it in enumerate(val):
                lines.append("  " + json.dumps(it, ensure_ascii=False) + ("," if m + 1 < len(val) else ""))
            lines.append(" ]" + comma)
        else:
            lines.append(" " + head + json.dumps(val, ensure_ascii=False) + comma)
    return "{\n" + "\n".join(lines) + "\n}\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("files", nargs="*", help="gold sources to convert (default: tests/gold-src/*.json)")
    ap.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    ap.add_argument("--check", action="store_true", help="verify only, write nothing; report stale gold files")
    ap.add_argument("--prex", help="prex binary for HTML text")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every located span in context")
    args = ap.parse_args(argv)

    root = Path(args.root).resolve()
    src_dir, gold_dir = root / "tests/gold-src", root / "tests/gold"
    files = [Path(f) for f in args.files] if args.files else sorted(src_dir.glob("*.json"))
    prex = find_prex(root, args.prex)
    counts = {k: 0 for k in ("title", "dateline", "sentences", "entities", "dates", "quotations", "penalties")}
    ok = skipped = failed = stale = 0
    all_errors: list[str] = []

    for f in files:
        name = f.name
        try:
            src = load_source(f)
        except (OSError, ValueError) as e:
            all_errors.append(f"{name}: cannot read source: {e}")
            failed += 1
            continue
        doc_id = src.get("id") if isinstance(src, dict) else None
        if not isinstance(doc_id, str):
            all_errors.append(f"{name}: missing 'id'")
            failed += 1
            continue
        expect = doc_id.replace("/", "__") + ".json"
        if name != expect:
            all_errors.append(f"{name}: file name should be {expect} for id {doc_id!r}")
            failed += 1
            continue
        try:
            text = document_text(root, doc_id, prex)
        except Skip as e:
            print(f"skip: {name}: {e}", file=sys.stderr)
            skipped += 1
            continue
        except OSError as e:
            all_errors.append(f"{name}: {e}")
            failed += 1
            continue
        doc = Doc(name, text)
        if args.verbose:
            print(f"== {name} ({len(text)} chars)")
        local = {k: 0 for k in counts}
        out = convert(src, doc, local, args.verbose)
        verify(out, doc)
        if doc.errors:
            all_errors.extend(doc.errors)
            failed += 1
            continue
        for k in counts:
            counts[k] += local[k]
        ok += 1
        body = dump(out)
        dest = gold_dir / name
        if args.check:
            if not dest.exists() or dest.read_text(encoding="utf-8") != body:
                print(f"stale: tests/gold/{name} is missing or differs from its source", file=sys.stderr)
                stale += 1
        else:
            gold_dir.mkdir(parents=True, exist_ok=True)
            if not dest.exists() or dest.read_text(encoding="utf-8") != body:
                dest.write_text(body, encoding="utf-8")

    for e in all_errors:
        print("ERROR: " + e, file=sys.stderr)
    verb = "verified" if args.check else "converted"
    print(f"goldify: {ok} docs {verb}, {failed} failed, {skipped} skipped"
          + (f", {stale} stale" if args.check else ""), file=sys.stderr)
    print("  " + ", ".join(f"{k}: {v}" for k, v in counts.items()), file=sys.stderr)
    return 1 if failed or (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
