// Search forms (data-omit-empty) leave out the fields left empty, so a search's address names only what was asked
// ("/jobs?q=nurse", not "/jobs?q=nurse&location=&radius=&currency="). Without scripts the server redirects to the same.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-omit-empty')) {
        return;
    }
    Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && !field.disabled && (field.value || '').trim() === '' && field.type !== 'submit') {
            field.disabled = true;
            // Disabled fields are not sent; enable them again so that the page, if it comes back from the cache, still works.
            setTimeout(function () { field.disabled = false; }, 0);
        }
    });
});
