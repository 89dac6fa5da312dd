// The posting editor works without script; this only fills the place and skill suggestions as the recruiter types,
// from the editor page's own handlers (?handler=Places, ?handler=Skills).
(function () {
    var timers = {};
    document.addEventListener('input', function (event) {
        var field = event.target;
        if (!(field instanceof HTMLInputElement) || !field.dataset.suggest || !field.list) {
            return;
        }
        var kind = field.dataset.suggest;
        clearTimeout(timers[kind]);
        timers[kind] = setTimeout(function () {
            var term = field.value.trim();
            if (term.length < 2) {
                return;
            }
            fetch(window.location.pathname + '?handler=' + kind + '&term=' + encodeURIComponent(term), { credentials: 'same-origin' })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (names) {
                    var list = field.list;
                    list.replaceChildren.apply(list, names.map(function (name) {
                        var option = document.createElement('option');
                        option.value = name;
                        return option;
                    }));
                })
                .catch(function () { /* suggestions are a help, not a need */ });
        }, 200);
    });
})();
