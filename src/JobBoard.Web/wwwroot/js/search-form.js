// Search forms (data-omit-empty) leave out the fields left empty, so a search's address names only what was asked
// ("/jobs?q=nurse", not "/jobs?q=nurse&location=&radius=&currency="), and a search of nothing goes to "/jobs", not
// "/jobs?". Without scripts the server redirects to the same.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-omit-empty')) {
        return;
    }
    var sent = false;
    Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name || field.disabled || field.type === 'submit' || field.type === 'button') {
            return;
        }
        if ((field.value || '').trim() === '') {
            field.disabled = true;
            // Disabled fields are not sent; enable them again so that the page, if it comes back from the cache, still works.
            setTimeout(function () { field.disabled = false; }, 0);
        } else if ((field.type !== 'checkbox' && field.type !== 'radio') || field.checked) {
            sent = true;
        }
    });
    if (!sent) {
        event.preventDefault();
        window.location.assign(form.action);
    }
});

// The currency list's first entry names the currency of the place searched ("RON (local)"). While the place field says
// something else that currency is not known yet, so the entry reads "Local currency" until the search is made.
function relabelLocalCurrency(field) {
    // The currency list may stand outside the form it belongs to (form="…"): look it up among the form's fields.
    var currency = field.form && field.form.elements.namedItem('currency');
    var option = currency instanceof HTMLSelectElement ? currency.querySelector('option[data-place]') : null;
    if (!option) {
        return;
    }
    if (!option.hasAttribute('data-searched')) {
        option.setAttribute('data-searched', option.text);
    }
    var place = field.value.trim();
    option.text = place === option.getAttribute('data-place') ? option.getAttribute('data-searched')
        : place === '' ? option.getAttribute('data-no-place')
        : 'Local currency';
}

document.addEventListener('input', function (event) {
    if (event.target instanceof HTMLInputElement && event.target.name === 'location') {
        relabelLocalCurrency(event.target);
    }
});

// A page restored from the back-forward cache keeps what was typed without an input event, and also a filter ticked
// just before leaving it: put the search form back as the server drew it for these results, or a later change
// (a sort) would send that stale filter along.
window.addEventListener('pageshow', function (event) {
    var search = document.getElementById('search');
    if (event.persisted && search instanceof HTMLFormElement) {
        search.reset();
    }
    Array.prototype.forEach.call(document.querySelectorAll('input[name=location]'), relabelLocalCurrency);
});

// The search page's filters (#filters): a sidebar on wide screens, below the results on phones. Where scripts run the
// "Filters (n)" link becomes a button that opens them as a full-screen panel, and the rest of the page is inert
// meanwhile. The panel's own "Apply filters" button sends the search.
(function () {
    var panel = document.querySelector('[data-filters-panel]');
    var opener = document.querySelector('[data-filters-open]');
    if (!panel || !opener) {
        return;
    }
    var link = document.querySelector('[data-filters-link]');
    var closer = panel.querySelector('[data-filters-close]');
    var heading = panel.querySelector('h2');
    var wide = window.matchMedia('(min-width: 992px)');
    var inerted = [];

    panel.classList.add('is-enhanced');
    opener.hidden = false;
    if (link) {
        link.hidden = true;
    }
    if (closer) {
        closer.hidden = false;
    }

    function open() {
        panel.classList.add('is-open');
        panel.setAttribute('role', 'dialog');
        panel.setAttribute('aria-modal', 'true');
        opener.setAttribute('aria-expanded', 'true');
        document.body.classList.add('filters-open');
        // Everything beside the panel and its ancestors is out of reach while it covers the page.
        for (var node = panel; node && node !== document.body; node = node.parentElement) {
            Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
                if (sibling !== node && !sibling.inert && sibling.tagName !== 'SCRIPT') {
                    sibling.inert = true;
                    inerted.push(sibling);
                }
            });
        }
        (heading || panel).focus();
    }

    function close() {
        if (!panel.classList.contains('is-open')) {
            return;
        }
        panel.classList.remove('is-open');
        panel.removeAttribute('role');
        panel.removeAttribute('aria-modal');
        opener.setAttribute('aria-expanded', 'false');
        document.body.classList.remove('filters-open');
        inerted.forEach(function (element) { element.inert = false; });
        inerted = [];
        opener.focus();
    }

    opener.addEventListener('click', open);
    if (closer) {
        closer.addEventListener('click', close);
    }
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
            close();
        }
    });
    // Widening the window turns the panel back into the sidebar.
    wide.addEventListener('change', function () {
        if (wide.matches) {
            close();
        }
    });

    // A ticked box, a chosen date or sort searches at once, except in the open panel on a phone, where several are
    // chosen before "Apply filters". Typed fields (salary) wait for Enter or the button.
    document.addEventListener('change', function (event) {
        var field = event.target;
        if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement) || !field.form || !field.closest('[data-auto-submit]')) {
            return;
        }
        if (field instanceof HTMLInputElement && field.type !== 'checkbox' && field.type !== 'radio') {
            return;
        }
        if (panel.classList.contains('is-open') && panel.contains(field)) {
            return;
        }
        if (typeof field.form.requestSubmit === 'function') {
            field.form.requestSubmit();
        } else {
            field.form.submit();
        }
    });
})();

// While the next page of results loads (a search sent, a chip removed, another page), the form and the results are
// marked busy and a status line says so.
(function () {
    var results = document.querySelector('[data-search-results]');
    var form = document.querySelector('form[data-search-form]');
    if (!results || !form) {
        return;
    }
    var status = results.querySelector('[data-search-loading]');

    function busy() {
        form.setAttribute('aria-busy', 'true');
        results.setAttribute('aria-busy', 'true');
        results.classList.add('is-loading');
        if (status) {
            status.textContent = 'Loading results…';
        }
    }

    function idle() {
        form.removeAttribute('aria-busy');
        results.removeAttribute('aria-busy');
        results.classList.remove('is-loading');
        if (status) {
            status.textContent = '';
        }
    }

    document.addEventListener('submit', function (event) {
        if (event.target === form) {
            busy();
        }
    });
    document.addEventListener('click', function (event) {
        var anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
        if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
            return;
        }
        var url = new URL(anchor.href, window.location.href);
        if (url.origin === window.location.origin && url.pathname === '/jobs' && (results.contains(anchor) || anchor.closest('[data-filters-panel]'))) {
            busy();
        }
    });
    // A page restored from the back-forward cache is not loading.
    window.addEventListener('pageshow', idle);
})();
