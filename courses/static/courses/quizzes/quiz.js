// Autosave for knowledge checks: on every change and every 30 seconds, the
// answers are sent to the server, which only says when it saved them. Without
// JavaScript the form still works: answers are saved when it is submitted.
(function () {
    // A form restored from the back-forward cache may be a finished attempt:
    // reload it, so the server shows the result instead (it is never cached).
    window.addEventListener("pageshow", (event) => {
        if (event.persisted) window.location.reload();
    });
    const container = document.querySelector(".quiz[data-save-url]");
    const form = document.getElementById("attempt-form");
    const status = document.getElementById("autosave-status");
    if (!container || !form || !status) return;
    const saveUrl = container.dataset.saveUrl;
    let dirty = false;
    let saving = false;

    // One save at a time; a change made while a save is in flight is sent as
    // soon as it returns, so the last answer given is always the one stored.
    async function save() {
        if (!dirty || saving) return;
        saving = true;
        status.textContent = "Saving your answers\u2026";
        let message = "";
        try {
            while (dirty) {
                dirty = false;
                const response = await fetch(saveUrl, {
                    method: "POST",
                    body: new FormData(form),
                    headers: { "X-Requested-With": "XMLHttpRequest" },
                    credentials: "same-origin",
                });
                const data = await response.json();
                if (!data.saved) {
                    message = data.message;
                    break;
                }
                message = "Answers saved at " + data.saved_at + ".";
            }
        } catch (error) {
            dirty = true; // try again on the next change or tick
            message = "Could not save just now (are you offline?). We will try again.";
        } finally {
            saving = false;
        }
        status.textContent = message;
    }

    form.addEventListener("change", () => { dirty = true; save(); });
    form.addEventListener("input", (event) => {
        if (event.target.type === "text") dirty = true;
    });
    window.setInterval(save, 30000);

    const timer = document.getElementById("time-left");
    const timerText = document.getElementById("time-left-text");
    if (timer && timerText) {
        const endsAt = Date.now() + Number(timer.dataset.secondsLeft) * 1000;
        const tick = () => {
            const left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
            timerText.textContent = Math.floor(left / 60) + " min " + String(left % 60).padStart(2, "0") + " s left";
            if (left === 0) {
                // Time is up: submit as it stands, without asking about unanswered questions.
                const confirm = document.createElement("input");
                Object.assign(confirm, { type: "hidden", name: "confirm", value: "1" });
                form.append(confirm);
                dirty = true;
                save().then(() => form.submit());
                return;
            }
            window.setTimeout(tick, 1000);
        };
        tick();
    }
})();
