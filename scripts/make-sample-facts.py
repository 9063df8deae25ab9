#!/usr/bin/env python3
"""Writes fixtures/facts/kooperacja-sample.jsonl and koordynacja-sample.jsonl.

The first records of the Kooperacja file are the real events of seed 004 (E-01..E-03).
Everything after them is a SYNTHETIC history, deterministic (fixed seed), designed so that
every indicator status (not started, on track, at risk, achieved, missed) and every
milestone state appears at some as-of date. Each synthetic record carries
"note": "synthetic". Run from the repository root:  python3 scripts/make-sample-facts.py
"""
import datetime as dt
import json
import random

rng = random.Random(20180401)

VOIVODESHIPS = {  # code: (partner, [(powiat, [gminas])])
    "04": ("rops-torun", [("0410", ["0410033", "0410013"]), ("0416", ["0416063"]), ("0407", ["0407033", "0407063"])]),
    "32": ("rops-szczecin", [("3204", ["3204023", "3204073"]), ("3211", ["3211033"]), ("3214", ["3214033", "3214023"])]),
    "28": ("rops-olsztyn", [("2816", ["2816033"]), ("2815", ["2815083", "2815073"]), ("2808", ["2808043", "2808053"])]),
    "22": ("rops-gdansk", [("2205", ["2205023", "2205083"]), ("2216", ["2216013"]), ("2202", ["2202023"]), ("2213", ["2213093"])]),
    "30": ("rops-poznan", [("3003", ["3003023"]), ("3004", ["3004033"]), ("3021", ["3021083", "3021163"]), ("3026", ["3026043"])]),
    "08": ("rops-zielona-gora", [("0804", ["0804043"]), ("0806", ["0806013", "0806023", "0806043"]), ("0805", ["0805013"])]),
}
POWIATS = [(v, p) for v, (_, ps) in VOIVODESHIPS.items() for p, _ in ps]
GMINAS = [(v, g) for v, (_, ps) in VOIVODESHIPS.items() for _, gs in ps for g in gs]
PARTNER = {v: org for v, (org, _) in VOIVODESHIPS.items()}
SECTORS = ["social-assistance", "education", "health", "culture", "sport", "judiciary", "police", "ngo", "labour-market"]

D = dt.date


def spread(start, end, n):
    """n dates spread evenly over [start, end], deterministic."""
    days = (end - start).days
    return [start + dt.timedelta(days=(i * days) // max(n - 1, 1)) for i in range(n)]


def write(path, records):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False) + "\n")


def kooperacja():
    out = []
    # --- Real facts from seed 004 (E-01..E-03) ---
    out.append({"id": "e01-naklo-2020-02-11", "date": "2020-02-11", "by": "rops-torun", "territory": "0410",
                "kind": "meeting", "activity": "pilot", "days": 1,
                "place": "sala konferencyjna Przystani, Powiat Nakielski", "led_by": ["rops-torun", "umk"],
                "note": "real: seed 004 (E-01, E-02); meeting on cooperation under the model and on signing an agreement for the pilot"})
    out.append({"id": "e02-mgops-naklo", "date": "2020-02-11", "by": "rops-torun", "territory": "0410033",
                "kind": "agreement", "institution": "mgops-naklo-nad-notecia",
                "name": "Miejsko-Gminny Ośrodek Pomocy Społecznej w Nakle nad Notecią", "sector": "social-assistance",
                "place": "Nakło nad Notecią", "note": "real: seed 004 (E-02): project coordinator in powiat nakielski, attested on 2020-02-11"})
    out.append({"id": "e02-mgops-kcynia", "date": "2020-02-11", "by": "rops-torun", "territory": "0410013",
                "kind": "agreement", "institution": "mgops-kcynia",
                "name": "Miejsko-Gminny Ośrodek Pomocy Społecznej w Kcyni", "sector": "social-assistance",
                "place": "Kcynia", "note": "real: seed 004 (E-02): project coordinator in powiat nakielski, attested on 2020-02-11"})
    out.append({"id": "e03-porozumienie-naklo", "date": "2020-02-29", "by": "rops-torun", "territory": "0410",
                "kind": "agreement", "institution": "porozumienie-powiat-nakielski",
                "name": "Porozumienie na rzecz współdziałania organizacji i instytucji w ramach pilotażu (powiat nakielski)",
                "sector": "social-assistance", "place": "Powiat Nakielski",
                "note": "real: seed 004 (E-03): to be signed by the end of February 2020; dated on that deadline, the signing itself is not confirmed by the sources"})

    syn = []
    def add(**r):
        r["note"] = "synthetic"
        syn.append(r)

    # KM I: PGR meetings 4 per powiat (80 of 100 planned), PGD 2 per powiat, RGR 2 per voivodeship.
    for i, (v, p) in enumerate(POWIATS):
        for k, d in enumerate(spread(D(2018, 5, 7) + dt.timedelta(days=i), D(2019, 3, 20), 4)):
            add(id=f"pgr-{p}-{k+1}", date=d.isoformat(), by=PARTNER[v], territory=p, kind="meeting", group="PGR", days=2, participants=7)
        for k, d in enumerate(spread(D(2018, 6, 4) + dt.timedelta(days=i), D(2019, 2, 28), 2)):
            add(id=f"pgd-{p}-{k+1}", date=d.isoformat(), by=PARTNER[v], territory=p, kind="meeting", group="PGD", days=1, participants=9)
    for v in VOIVODESHIPS:
        for k, d in enumerate(spread(D(2018, 6, 15), D(2019, 3, 1), 2)):
            add(id=f"rgr-{v}-km1-{k+1}", date=d.isoformat(), by=PARTNER[v], territory=v, kind="meeting", group="RGR", days=1, participants=12)
    # 300 institutions take up cooperation (target 288 by KM I).
    for k, d in enumerate(spread(D(2018, 6, 1), D(2019, 3, 15), 300)):
        v, g = GMINAS[k % len(GMINAS)]
        add(id=f"agr-{k+1:03}", date=d.isoformat(), by=PARTNER[v], territory=g, kind="agreement",
            institution=f"inst-{k+1:03}", name=f"Instytucja {k+1:03}", sector=SECTORS[k % len(SECTORS)])
    # Coaching: 30 individual (sw-001..030), group for sw-021..095 and 15 family assistants:
    # 95 distinct social workers, short of the 100 of I-04 (finding Q-07 in action).
    for k, d in enumerate(spread(D(2018, 9, 3), D(2018, 12, 14), 30)):
        v, g = GMINAS[k % len(GMINAS)]
        add(id=f"coach-ind-{k+1:03}", date=d.isoformat(), by=PARTNER[v], territory=g, kind="coaching",
            person=f"sw-{k+1:03}", form="individual", role="social-worker")
    group_people = [f"sw-{n:03}" for n in range(21, 96)] + [f"fa-{n:03}" for n in range(1, 16)]
    for k, person in enumerate(group_people):
        d = spread(D(2018, 10, 8), D(2019, 3, 22), 6)[k % 6]
        v, g = GMINAS[k % len(GMINAS)]
        role = "social-worker" if person.startswith("sw") else "family-assistant"
        add(id=f"coach-grp-{k+1:03}", date=d.isoformat(), by="umk", territory=g, kind="coaching",
            person=person, form="group", role=role)
    add(id="model-1", date="2019-03-20", by="umk", kind="deliverable", deliverable="model",
        title="Model kooperacji instytucji pomocy i integracji społecznej z podmiotami innych polityk sektorowych")
    add(id="tools-diagnostic", date="2019-03-25", by="umk", kind="deliverable", deliverable="tool-package",
        title="Pakiet innowacyjnych narzędzi diagnostycznych")
    # A mistaken agreement and its retraction.
    add(id="agr-mistake", date="2018-11-05", by="rops-gdansk", territory="2205023", kind="agreement",
        institution="inst-001", name="Instytucja 001 (recorded twice by mistake)", sector="education")
    add(id="agr-mistake-retraction", date="2018-11-20", by="rops-gdansk", kind="retraction",
        retracts="agr-mistake", reason="the institution was already recorded as agr-001")

    # KM II: PZK meetings 8 per powiat (160 of 180), PGD 2 per powiat, RGR 3 per voivodeship.
    for i, (v, p) in enumerate(POWIATS):
        for k, d in enumerate(spread(D(2019, 4, 15) + dt.timedelta(days=i), D(2020, 9, 10), 8)):
            add(id=f"pzk-{p}-{k+1}", date=d.isoformat(), by=PARTNER[v], territory=p, kind="meeting", group="PZK", days=2, participants=7)
        for k, d in enumerate(spread(D(2019, 5, 6) + dt.timedelta(days=i), D(2020, 8, 28), 2)):
            add(id=f"pgd-km2-{p}-{k+1}", date=d.isoformat(), by=PARTNER[v], territory=p, kind="meeting", group="PGD", days=1, participants=9)
    for v in VOIVODESHIPS:
        for k, d in enumerate(spread(D(2019, 5, 20), D(2020, 9, 1), 3)):
            add(id=f"rgr-{v}-km2-{k+1}", date=d.isoformat(), by=PARTNER[v], territory=v, kind="meeting", group="RGR", days=1, participants=12)
    add(id="ks-joint-km2", date="2020-06-16", by="rops-torun", territory="04", kind="meeting", group="KS", days=2, participants=30)
    # The pilot starts in all 50 JST: 40 by the end of March 2020, the rest by August 2020.
    jst = [p for _, p in POWIATS] + [g for _, g in GMINAS]
    order = jst[:]
    rng.shuffle(order)
    dates = spread(D(2019, 9, 2), D(2020, 3, 27), 40) + spread(D(2020, 4, 20), D(2020, 8, 31), 10)
    for k, (code, d) in enumerate(zip(order, dates)):
        v = code[:2]
        add(id=f"pilot-{code}", date=d.isoformat(), by=PARTNER[v], territory=code, kind="pilot", jst=code)
    # The pilot report comes two weeks late.
    add(id="pilot-report-1", date="2020-10-15", by="umk", kind="deliverable", deliverable="pilot-report",
        title="Sprawozdanie z pilotażu modelu kooperacji w Makroregionie II")

    # KM III: no summary report is recorded (I-06 missed); dissemination meetings.
    for k, (v, _) in enumerate(VOIVODESHIPS.items()):
        add(id=f"dissemination-{v}", date=(D(2020, 10, 20) + dt.timedelta(days=7 * k)).isoformat(), by="umk",
            territory=v, kind="meeting", activity="dissemination", days=1, participants=25)
    # KM IV: 4 of 6 training and education meetings.
    for k, d in enumerate([D(2021, 1, 20), D(2021, 2, 10), D(2021, 2, 24), D(2021, 3, 10)]):
        v = list(VOIVODESHIPS)[k]
        add(id=f"education-{k+1}", date=d.isoformat(), by=PARTNER[v], territory=v, kind="meeting",
            activity="education", days=1, participants=40)

    # Expenditure: each partner monthly, April 2018 to December 2022.
    categories = ["wynagrodzenia", "spotkania", "coaching", "badania", "platforma"]
    month = D(2018, 4, 1)
    while month <= D(2022, 12, 1):
        last = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        for org in ["rops-torun", "rops-zielona-gora", "rops-gdansk", "rops-olsztyn", "rops-poznan", "rops-szczecin", "umk"]:
            grosze = rng.randrange(5_000_000, 12_000_000)
            add(id=f"exp-{org}-{month:%Y-%m}", date=last.isoformat(), by=org, kind="expenditure", partner=org,
                amount=f"{grosze // 100}.{grosze % 100:02}", category=categories[rng.randrange(len(categories))])
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)

    syn.sort(key=lambda r: (r["date"], r["id"]))
    # One record sent twice (same id, same content): counted once.
    syn.append(dict(syn[10]))
    return out + syn


def koordynacja():
    syn = []
    def add(**r):
        r["note"] = "synthetic"
        syn.append(r)
    register_04 = []  # a sample of JST codes of kujawsko-pomorskie from the TERC register
    with open("fixtures/teryt/TERC_Urzedowy_2025-11-18.csv", encoding="utf-8-sig") as f:
        for line in f:
            c = line.strip().split(";")
            if len(c) < 7 or c[0] != "04" or not c[1]:
                continue
            if not c[2]:
                register_04.append("04" + c[1])
            elif c[3] in ("1", "2", "3"):
                register_04.append("04" + c[1] + c[2] + c[3])
    rng2 = random.Random(20231101)
    for k, d in enumerate(spread(D(2024, 1, 15), D(2025, 10, 31), 400)):
        jst = register_04[k % len(register_04)]
        add(id=f"sup-p-{k+1:04}", date=d.isoformat(), by="rops-torun", territory=jst, kind="support",
            person=f"k-{rng2.randrange(1, 360):04}", institution=f"ops-{jst}", role="social-worker")
    for k, d in enumerate(spread(D(2024, 2, 1), D(2025, 10, 15), 90)):
        jst = register_04[(k * 7) % len(register_04)]
        add(id=f"sup-i-{k+1:03}", date=d.isoformat(), by="rops-torun", territory=jst, kind="support", institution=f"inst-{jst}")
    # Qualifications go to persons already supported (F-10 is a subset of F-08).
    supported = sorted({r["person"] for r in syn if r.get("person")})
    for k, d in enumerate(spread(D(2024, 6, 1), D(2025, 10, 31), 200)):
        add(id=f"qual-{k+1:04}", date=d.isoformat(), by="rops-torun", territory="04", kind="qualification",
            person=supported[(k * 37) % len(supported)])
    for k, d in enumerate(spread(D(2024, 9, 1), D(2025, 11, 15), 40)):
        jst = register_04[(k * 5) % len(register_04)]
        add(id=f"di-{jst}", date=d.isoformat(), by="rops-torun", territory=jst, kind="di-plan", jst=jst)
    syn.sort(key=lambda r: (r["date"], r["id"]))
    return syn


if __name__ == "__main__":
    write("fixtures/facts/kooperacja-sample.jsonl", kooperacja())
    write("fixtures/facts/koordynacja-sample.jsonl", koordynacja())
