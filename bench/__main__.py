"""`make bench`: every benchmark, each against a baseline measured in the same run.

python -m bench                     outbox relay + membership API (needs `make up`)
python -m bench relay [--events N]  outbox relay only (needs PostgreSQL and Kafka)
"""

import argparse
import asyncio

from bench import membership_api, outbox_relay


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("which", nargs="?", choices=["all", "relay", "membership"], default="all")
    parser.add_argument("--events", type=int, default=20_000, help="relay: events per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="relay: rounds; the median is reported")
    parser.add_argument("--membership-url", default="http://127.0.0.1:8001")
    parser.add_argument("--seconds", type=float, default=8, help="membership: seconds per scenario")
    parser.add_argument("--workers", type=int, default=16, help="membership: concurrent clients")
    args = parser.parse_args()
    if args.which in {"all", "relay"}:
        asyncio.run(outbox_relay.run(events=args.events, rounds=args.rounds))
    if args.which in {"all", "membership"}:
        asyncio.run(membership_api.run(args.membership_url, seconds=args.seconds, workers=args.workers))


if __name__ == "__main__":
    main()
