#!/usr/bin/env python3
"""Times Tasklist's filter requests against running Samverkan instances, as Tasklist sends them.

For each user and filter: POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15 with
Accept: application/hal+json, then POST /filter/{id}/count; warm-up calls first, then the measured
ones; prints p50/p95 per instance, filter and user as a Markdown table (nearest-rank percentiles of
whole ms, truncated, as the national benchmark reports them). With several --base, the instances
take turns call by call, so that a change in the machine's load hits all of them alike.

  tools/filter-latency.py --base http://127.0.0.1:8581 --base http://127.0.0.1:8582 \
      --calls 100 --warmup 10 samordnare.kommun-001 kommunpolis.lpo-01
"""
import argparse
import base64
import http.client
import json
import math
import time
import urllib.parse

FILTERS = ["Min funktions uppgifter", "Försenade", "Eskalerade"]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


class Instance:
    def __init__(self, base, user, password):
        url = urllib.parse.urlparse(base)
        self.base = base
        self.user = user
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)

    def call(self, method, path, accept="application/json"):
        headers = {"Authorization": self.auth, "Accept": accept}
        body = None
        if method == "POST":
            headers["Content-Type"] = "application/json"
            body = "{}"
        self.conn.request(method, "/engine-rest" + path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f"{self.base} {self.user} {method} {path}: HTTP {response.status} {data[:300]!r}")
        return data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", action="append")
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--password", default="demo")
    parser.add_argument("users", nargs="+")
    args = parser.parse_args()
    bases = args.base or ["http://127.0.0.1:8080"]

    print("| instance | filter | user | list p50 / p95 ms | count p50 / p95 ms | tasks |")
    print("|---|---|---|---|---|---|")
    for user in args.users:
        instances = [Instance(base, user, args.password) for base in bases]
        filters = [{f["name"]: f["id"] for f in json.loads(i.call("GET", "/filter?resourceType=Task"))}
                   for i in instances]
        for name in FILTERS:
            lists = [[] for _ in instances]
            counts = [[] for _ in instances]
            found = [0 for _ in instances]
            for n in range(args.warmup + args.calls):
                for k, instance in enumerate(instances):
                    fid = filters[k][name]
                    t0 = time.perf_counter()
                    instance.call("POST", f"/filter/{fid}/list?firstResult=0&maxResults=15", "application/hal+json")
                    t1 = time.perf_counter()
                    found[k] = json.loads(instance.call("POST", f"/filter/{fid}/count"))["count"]
                    t2 = time.perf_counter()
                    if n >= args.warmup:
                        lists[k].append(int((t1 - t0) * 1000))
                        counts[k].append(int((t2 - t1) * 1000))
            for k, instance in enumerate(instances):
                print(f"| {instance.base} | {name} | {user} | {percentile(lists[k], 50)} / {percentile(lists[k], 95)} "
                      f"| {percentile(counts[k], 50)} / {percentile(counts[k], 95)} | {found[k]} |", flush=True)
        for instance in instances:
            instance.conn.close()


if __name__ == "__main__":
    main()
