#!/usr/bin/env python3
"""Load test of a local `charrnn serve`: throughput and latency at 1, 8 and 64 concurrent clients, then overload.

Loopback only (it refuses any other address) and bounded: each level sends at most --requests requests and stops
after --seconds, and the overload burst is --burst requests sent at once. Python 3 standard library only.

  ./charrnn serve --model model.zip --quiet &
  bench/load-test.py --url http://127.0.0.1:8080/ --length 300

For each level it prints the completed requests, the characters generated per second over all clients, and the
p50/p99 latency of one request; for the burst, how many answers had each status (only 200 and 503 are healthy)
and whether /health still answers.
"""
import argparse
import ipaddress
import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


def loopback_only(url):
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        sys.exit(f"load-test: cannot resolve {host}.")
    if not addresses or not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        sys.exit(f"load-test: {host} is not a loopback address; this script only tests a server on this machine.")


def post(url, body, timeout):
    request = urllib.request.Request(url + "generate", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.load(response)
            chars = sum(len(t) for t in answer["texts"]) - len(answer["prime"]) * len(answer["texts"])
            return response.status, time.perf_counter() - started, chars
    except urllib.error.HTTPError as e:
        e.read()
        return e.code, time.perf_counter() - started, 0
    except (urllib.error.URLError, OSError) as e:
        return f"error: {e}", time.perf_counter() - started, 0


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


def level(url, clients, requests, seconds, length, timeout):
    """`clients` threads send requests one after another until `requests` are sent or `seconds` have passed."""
    lock = threading.Lock()
    sent = [0]
    results = []
    deadline = time.perf_counter() + seconds

    def client(index):
        while True:
            with lock:
                if sent[0] >= requests or time.perf_counter() > deadline:
                    return
                seed = sent[0]
                sent[0] += 1
            outcome = post(url, {"prime": "The ", "length": length, "seed": seed}, timeout)
            with lock:
                results.append(outcome)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    ok = [r for r in results if r[0] == 200]
    latencies = [r[1] for r in ok]
    chars = sum(r[2] for r in ok)
    others = len(results) - len(ok)
    print(f"| {clients} | {len(ok)} | {chars / elapsed:,.0f} | {percentile(latencies, 50):.2f} s | "
          f"{percentile(latencies, 99):.2f} s | {others} |", flush=True)


def burst(url, count, length, timeout):
    barrier = threading.Barrier(count)
    results = []
    lock = threading.Lock()

    def client(seed):
        try:
            barrier.wait(timeout=30)
        except threading.BrokenBarrierError:
            pass
        outcome = post(url, {"prime": "The ", "length": length, "seed": seed}, timeout)
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    by_status = {}
    for status, _, _ in results:
        by_status[status] = by_status.get(status, 0) + 1
    try:
        with urllib.request.urlopen(url + "health", timeout=10) as response:
            health = f"{response.status} {response.read().decode()}"
    except Exception as e:  # the server died: that is what this line is for
        health = f"no answer ({e})"
    print(f"overload, {count} at once: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_status.items(), key=str)))
    print(f"/health afterwards: {health}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8080/", help="the server (loopback only)")
    parser.add_argument("--clients", default="1,8,64", help="concurrency levels (default 1,8,64)")
    parser.add_argument("--requests", type=int, default=256, help="most requests per level (default 256)")
    parser.add_argument("--seconds", type=float, default=30, help="most seconds per level (default 30)")
    parser.add_argument("--length", type=int, default=300, help="characters per request (default 300)")
    parser.add_argument("--burst", type=int, default=300, help="requests sent at once at the end; 0 for none (default 300)")
    parser.add_argument("--timeout", type=float, default=120, help="client timeout per request, seconds (default 120)")
    args = parser.parse_args()
    url = args.url if args.url.endswith("/") else args.url + "/"
    loopback_only(url)
    if args.requests > 10_000 or args.seconds > 600 or args.burst > 1000:
        sys.exit("load-test: at most 10000 requests and 600 s per level, and a burst of 1000.")
    post(url, {"prime": "The ", "length": args.length, "seed": 0}, args.timeout)   # warm-up
    print(f"POST /generate {{\"prime\": \"The \", \"length\": {args.length}}}, at most {args.requests} requests or "
          f"{args.seconds:g} s per level\n")
    print("| clients | requests | chars/s | p50 | p99 | not 200 |")
    print("|---|---|---|---|---|---|")
    for clients in (int(c) for c in args.clients.split(",")):
        level(url, clients, args.requests, args.seconds, args.length, args.timeout)
    if args.burst > 0:
        print()
        burst(url, args.burst, args.length, args.timeout)


if __name__ == "__main__":
    main()
