"""Response times and throughput from locust's stats CSV, and a one-line summary.

python stats.py LOCUST_STATS_CSV CHECK_SUMMARY_JSON USERS SECONDS
"""

import csv
import json
import sys

stats_file, summary_file, users, seconds = sys.argv[1:5]
rows = list(csv.DictReader(open(stats_file, newline="")))  # noqa: SIM115
summary = json.load(open(summary_file))  # noqa: SIM115

print(
    f"{'request':28} {'count':>6} {'fail':>5} {'p50':>6} {'p95':>6} {'p99':>6} {'req/s':>6}"
)
for row in rows:
    print(
        f"{row['Type'][:4]:4} {row['Name'][:28]:28} {row['Request Count']:>6} {row['Failure Count']:>5}"
        f" {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}"
        f" {float(row['Requests/s']):>6.1f}"
    )
total = next(row for row in rows if row["Name"] == "Aggregated")
in_flight = sum(summary["in_flight_failed"].values())
print(
    f"multi-server: {users} employees, {seconds} s, one of 2 app servers killed halfway:"
    f" {total['Request Count']} requests at {float(total['Requests/s']):.1f}/s,"
    f" p50 {total['50%']} ms, p95 {total['95%']} ms, p99 {total['99%']} ms;"
    f" {in_flight} in flight at the kill failed {summary['in_flight_failed'] or ''},"
    f" no other 5xx; {summary['certificates']} certificates verified on both servers"
    f" ({summary['issued_late']} issued by the scheduled job after their server died)"
)
