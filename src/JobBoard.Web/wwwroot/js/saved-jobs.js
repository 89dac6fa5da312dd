// Save and Unsave buttons (forms marked data-save-job) work without scripts: a post that comes back to the same page.
// With scripts the post is sent in the background and the button changes in place, with every other button of the same
// posting on the page; anything unexpected (the session ended, the network failed) falls back to the plain form post.
(function () {
    var announcer = null;

    function announce(text) {
        if (!announcer) {
            announcer = document.createElement('div');
            announcer.className = 'visually-hidden';
            announcer.setAttribute('role', 'status');
            document.body.appendChild(announcer);
        }
        announcer.textContent = text;
    }

    function show(form, saved) {
        form.action = saved ? form.getAttribute('data-unsave-action') : form.getAttribute('data-save-action');
        var button = form.querySelector('button[type="submit"]');
        button.textContent = saved ? 'Unsave job' : 'Save job';
        button.classList.toggle('btn-primary', saved);
        button.classList.toggle('btn-outline-primary', !saved);
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-save-job') || !window.fetch) {
            return;
        }
        event.preventDefault();
        var button = form.querySelector('button[type="submit"]');
        if (button.disabled) {
            return;
        }
        // Disabling the button takes the keyboard focus away from it; it is given back once the answer is in.
        var focused = document.activeElement === button;
        button.disabled = true;
        fetch(form.action, {
            method: 'POST',
            body: new FormData(form),
            headers: { 'Accept': 'application/json' },
            credentials: 'same-origin',
            redirect: 'manual'
        }).then(function (response) {
            var type = response.headers.get('Content-Type') || '';
            if (!response.ok || type.indexOf('application/json') === -1) {
                throw new Error('Not saved in the background');
            }
            return response.json();
        }).then(function (result) {
            var posting = form.elements.namedItem('postingId').value;
            document.querySelectorAll('form[data-save-job]').forEach(function (other) {
                var field = other.elements.namedItem('postingId');
                if (field && field.value === posting) {
                    show(other, result.saved);
                }
            });
            announce(result.saved ? 'Job saved.' : 'Job removed from your saved jobs.');
            button.disabled = false;
            if (focused) {
                button.focus();
            }
        }).catch(function () {
            button.disabled = false;
            form.submit();
        });
    });
})();
