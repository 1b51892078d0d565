#!/usr/bin/env bash
# Installs what the project needs on a bare Debian machine and is not a Python package:
# a JDK 17 and Maven (to fetch and run Apache Kafka), curl, wrk (benchmarks), and Python 3.11.
# PostgreSQL is installed by postgres.sh on first start. Idempotent; needs root to install.
set -euo pipefail

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v curl >/dev/null || missing+=(curl)
command -v runuser >/dev/null || missing+=(util-linux)
command -v wrk >/dev/null || missing+=(wrk)  # HTTP load for `make bench`
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)  # certificates (PDF) in any script
python3 -c 'import sys, venv; assert sys.version_info[:2] == (3, 11)' 2>/dev/null || missing+=(python3.11 python3.11-venv)

if ((${#missing[@]})); then
  echo "-- installing ${missing[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
java -version 2>&1 | head -1
python3 --version
