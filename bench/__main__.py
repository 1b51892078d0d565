"""`make bench`: run the benchmarks against the local (or configured) PostgreSQL and Kafka."""

import argparse
import asyncio

from bench import outbox_relay


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--events", type=int, default=20_000, help="events per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the median is reported")
    args = parser.parse_args()
    asyncio.run(outbox_relay.run(events=args.events, rounds=args.rounds))


if __name__ == "__main__":
    main()
