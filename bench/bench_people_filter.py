"""Speaker picker filtering: time per keystroke over a roster of 500 people.

Baseline in the same run: a plain case-insensitive substring filter over the same names (the
least a picker could do). Target: under 2 ms per filter.
Run: .venv/bin/python bench/bench_people_filter.py
"""

import argparse
import random
import statistics
import time
from collections.abc import Callable

from bench_results import Row, write_rows

from clerkdesk.domain.enums import PersonKind, Role
from clerkdesk.domain.people_search import Candidate, prepare, search
from clerkdesk.domain.person import PersonFields

GIVEN = ["Sarah", "Alison", "Gaetano", "Elise", "Rory", "Jo", "Sam", "Amira", "David", "Helen",
         "Liam", "Peter", "Harjit", "Grace", "Tomasz", "Joanna", "Owen", "Ruth", "Simon", "Mary"]
FAMILY = ["Hammond", "Farmer", "Romagnuolo", "McQueen", "Love", "Brown", "Hughes", "Chaudhry",
          "Pemberton", "Okafor", "Brennan", "Doyle", "Gill", "Adeyemi", "Nowak", "Marsh", "Price",
          "Ashworth", "Wetherall", "O'Neill", "Smith", "Jones", "Taylor", "Davies", "Evans"]
JOBS = ["Director of SEND", "Head of Commissioning", "Finance Business Partner", "",
        "Democratic Services Officer", "Cabinet Member for Education", ""]
QUERIES = ["s", "sh", "sar", "sarah", "sarah h", "mr l", "vice", "dir", "ham", "a f", "o'n", "jo"]


def roster(size: int) -> list[Candidate]:
    rng = random.Random(7)
    people = []
    for i in range(size):
        kind = rng.choice([PersonKind.MEMBER, PersonKind.OFFICER])
        role = Role.VICE_CHAIR if i == 3 else Role.CHAIR if i == 4 else None
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        person = PersonFields(rng.choice(["Mr", "Ms", "Mrs", "Dr", "Cllr"]), given, family,
                              job_title=rng.choice(JOBS), kind=kind, role=role)
        people.append(prepare(Candidate(i, f"{given} {family}", person)))
    return people


def timed(function: Callable[[str], object], rounds: int = 30) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for query in QUERIES:
            function(query)
        samples.append((time.perf_counter() - start) / len(QUERIES))
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    args = parser.parse_args(argv)
    people = roster(500)
    present = frozenset(range(0, 500, 7))
    names = [c.display.lower() for c in people]
    picker = timed(lambda q: search(people, q, present, (1, 2, 3)))
    baseline = timed(lambda q: [n for n in names if q in n])
    print("people filter, roster of 500")
    print(f"  picker search   {picker * 1000:6.3f} ms per keystroke (target < 2 ms)")
    print(f"  substring floor {baseline * 1000:6.3f} ms per keystroke")
    print(f"  ratio           {picker / baseline:6.2f}x")
    write_rows(args.json, [Row(
        "Speaker picker filter, roster of 500 (per keystroke)", f"{picker * 1000:.2f} ms",
        f"substring filter {baseline * 1000:.2f} ms", picker / baseline, "< 2 ms",
        picker < 0.002)])


if __name__ == "__main__":
    main()
