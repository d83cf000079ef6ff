// The page of a background usage import (templates/change/admin/usage_job.html):
// while a worker is on the job, fetch the page again every few seconds and swap
// in its status line and details, until the job waits for the person or ends.
(() => {
    "use strict";
    const job = document.getElementById("usage-job");
    const seconds = Number(job && job.dataset.refreshSeconds);
    if (!seconds) {
        return;
    }
    const swap = (fresh, id) => {
        const mine = document.getElementById(id);
        const theirs = fresh.querySelector(`#${id}`);
        if (mine && theirs && mine.innerHTML !== theirs.innerHTML) {
            mine.innerHTML = theirs.innerHTML;
        }
    };
    const refresh = async () => {
        let html;
        try {
            const response = await fetch(window.location.href, {
                credentials: "same-origin",
                cache: "no-store",
            });
            if (!response.ok) {
                throw new Error(String(response.status));
            }
            html = await response.text();
        } catch {
            window.setTimeout(refresh, seconds * 2000); // try again, less often
            return;
        }
        const fresh = new DOMParser()
            .parseFromString(html, "text/html")
            .getElementById("usage-job");
        if (!fresh) {
            return;
        }
        swap(fresh, "usage-job-status");
        swap(fresh, "usage-job-detail");
        if (fresh.dataset.refreshSeconds) {
            window.setTimeout(refresh, seconds * 1000);
        }
    };
    window.setTimeout(refresh, seconds * 1000);
})();
