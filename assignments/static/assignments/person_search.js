// The assign form's person box as a combobox (the WAI-ARIA "list autocomplete"
// pattern): typing searches the people this user may assign to, up and down
// move through the matches, Enter chooses one, Escape closes the list. The
// chosen person's id goes to a hidden input. Without this script the box still
// works: the server accepts an employee number, or a name only one person has.
(function () {
    "use strict";
    const DEBOUNCE_MS = 200;

    function enhance(input) {
        const idInput = document.getElementById(input.dataset.idInput);
        const url = input.dataset.searchUrl;
        const minLength = Number(input.dataset.minLength || 2);
        if (!idInput || !url) return;

        const listbox = document.createElement("ul");
        listbox.id = input.id + "-listbox";
        listbox.className = "list-group person-search-list mt-1";
        listbox.setAttribute("role", "listbox");
        const label = document.querySelector('label[for="' + input.id + '"]');
        listbox.setAttribute(
            "aria-label",
            (label ? label.textContent.trim() : "Person") + ": matches",
        );
        listbox.hidden = true;
        // Visible and announced: how many matched, or why nothing did.
        const status = document.createElement("div");
        status.id = input.id + "-search-status";
        status.className = "form-text";
        status.setAttribute("aria-live", "polite");
        input.after(listbox, status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);

        let options = [];
        let active = -1;
        let timer = null;
        let latest = 0; // answers to older keystrokes are dropped

        function open() {
            listbox.hidden = options.length === 0;
            input.setAttribute("aria-expanded", String(!listbox.hidden));
        }

        function close() {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        }

        function setActive(index) {
            options.forEach(function (option, i) {
                const on = i === index;
                option.classList.toggle("active", on);
                option.setAttribute("aria-selected", String(on));
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function choose(index) {
            const option = options[index];
            input.value = option.dataset.label;
            idInput.value = option.dataset.id;
            close();
            status.textContent = "Chosen: " + option.dataset.label + ".";
        }

        function show(data) {
            listbox.replaceChildren();
            options = data.results.map(function (person, i) {
                const option = document.createElement("li");
                option.id = listbox.id + "-" + i;
                option.className = "list-group-item list-group-item-action";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.dataset.id = person.id;
                option.dataset.label = person.label;
                const name = document.createElement("span");
                name.className = "fw-semibold";
                name.textContent = person.name;
                const meta = document.createElement("span");
                meta.className = "person-search-meta";
                meta.textContent = person.employee_number + " · " + person.unit;
                option.append(name, " ", meta);
                listbox.append(option);
                return option;
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            const count = options.length;
            if (count === 0) {
                status.textContent = "Nobody you may assign to matches.";
            } else {
                status.textContent =
                    (count === 1 ? "1 person found" : count + " people found") +
                    (data.more ? ", and more: type more to narrow the list" : "") +
                    ". Use the up and down arrows, then Enter, to choose.";
            }
            open();
        }

        async function search() {
            const query = input.value.trim();
            const ticket = ++latest;
            if (query.length < minLength) {
                options = [];
                listbox.replaceChildren();
                status.textContent = "";
                close();
                return;
            }
            try {
                const response = await fetch(url + "?q=" + encodeURIComponent(query), {
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                });
                if (!response.ok) throw new Error(String(response.status));
                const data = await response.json();
                if (ticket === latest) show(data);
            } catch (error) {
                if (ticket !== latest) return;
                close();
                status.textContent =
                    "Could not search just now. Type the person's employee number instead.";
            }
        }

        input.addEventListener("input", function () {
            // Whatever was chosen before no longer matches the box.
            idInput.value = "";
            window.clearTimeout(timer);
            timer = window.setTimeout(search, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", function (event) {
            const count = options.length;
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (count === 0) return;
                event.preventDefault();
                if (listbox.hidden) open();
                const step = event.key === "ArrowDown" ? 1 : -1;
                const start = active === -1 && step === -1 ? count : active;
                setActive((start + step + count) % count);
            } else if (event.key === "Enter") {
                // Enter on a highlighted match chooses it; otherwise it submits.
                if (!listbox.hidden && active >= 0) {
                    event.preventDefault();
                    choose(active);
                }
            } else if (event.key === "Escape") {
                if (!listbox.hidden) {
                    event.preventDefault();
                    close();
                }
            } else if (event.key === "Tab") {
                close();
            }
        });

        // mousedown would move focus off the box before the click lands.
        listbox.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });
        listbox.addEventListener("click", function (event) {
            const option = event.target.closest('[role="option"]');
            if (option) choose(options.indexOf(option));
        });
        input.addEventListener("blur", close);
    }

    document.querySelectorAll("input[data-person-search]").forEach(enhance);
})();
