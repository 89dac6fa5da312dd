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
    var option = field.form && field.form.querySelector('select[name=currency] option[data-place]');
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

// A page restored from the back-forward cache keeps what was typed without an input event.
window.addEventListener('pageshow', function () {
    Array.prototype.forEach.call(document.querySelectorAll('input[name=location]'), relabelLocalCurrency);
});
