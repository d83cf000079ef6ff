"""Run calls in threads released together, as simultaneous requests would arrive."""

import threading

from django.db import connections


def all_at_once(calls) -> list:
    """Run each call in its own thread, released together; return their results.

    Each thread closes its own database connection. An exception in any call
    fails the test after every thread has finished.
    """
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def worker(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results
