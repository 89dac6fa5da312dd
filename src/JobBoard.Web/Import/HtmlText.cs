using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace JobBoard.Web.Import;

/// <summary>
/// The plain text of the HTML that feeds write descriptions in, as the board stores an ad's text: paragraphs separated
/// by blank lines, list items and <c>&lt;br&gt;</c> on lines of their own, entities decoded, scripts and styles
/// dropped, and no markup left. Text without tags keeps its own line breaks.
/// </summary>
public static partial class HtmlText
{
    // Elements whose content is not text a reader sees.
    private static readonly HashSet<string> HiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "noscript", "template", "svg", "math", "iframe", "object", "select", "textarea",
    };

    private static readonly HashSet<string> ParagraphElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre", "h1", "h2", "h3",
        "h4", "h5", "h6", "ul", "ol", "dl", "table", "form", "fieldset", "figure", "figcaption", "address", "hr", "details",
        "summary", "center", "body", "html",
    };

    private static readonly HashSet<string> LineElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "li", "dt", "dd", "tr", "caption", "option",
    };

    private static readonly HashSet<string> CellElements = new(StringComparer.OrdinalIgnoreCase) { "td", "th" };

    /// <summary>The text as paragraphs ("\n\n") of lines ("\n"); empty when nothing readable is left.</summary>
    public static string ToPlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasTags(text))
        {
            // Some feeds escape their HTML twice ("&lt;p&gt;"): once decoded it is markup like any other.
            var decoded = WebUtility.HtmlDecode(text);
            if (!HasTags(decoded))
            {
                return FromPlainText(decoded);
            }

            text = decoded;
        }

        return new Converter(text).Convert();
    }

    /// <summary>The text on one line, for titles and names ("Nurse &amp;amp; Carer" is "Nurse &amp; Carer").</summary>
    public static string ToLine(string text) =>
        string.Join(' ', ToPlainText(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool HasTags(string text) => text.Contains('<', StringComparison.Ordinal) && Tag().IsMatch(text);

    private static string FromPlainText(string text)
    {
        var output = new TextBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                output.Break(Pending.Paragraph);
            }
            else
            {
                output.Break(Pending.Line);
                output.Append(line, preserveSpaces: false);
            }
        }

        return output.ToString();
    }

    [GeneratedRegex(@"<(?:/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>|!--)")]
    private static partial Regex Tag();

    private enum Pending
    {
        None,
        Space,
        Line,
        Paragraph,
    }

    /// <summary>Walks the markup once: tags become breaks, text is decoded and its white space folded as a browser does.</summary>
    private sealed class Converter(string html)
    {
        private readonly TextBuilder _output = new();
        private int _position;
        private int _listItemDepth;
        private int _preformattedDepth;

        public string Convert()
        {
            var textStart = 0;
            while (_position < html.Length)
            {
                var open = html.IndexOf('<', _position);
                if (open < 0)
                {
                    break;
                }

                _position = open;
                if (!TryReadMarkup(out var tagName, out var closing, out var selfClosing))
                {
                    // A '<' that starts no tag ("a < b") is text.
                    _position = open + 1;
                    continue;
                }

                AppendText(html[textStart..open]);
                if (tagName is not null)
                {
                    OnTag(tagName, closing, selfClosing);
                }

                textStart = _position;
            }

            AppendText(html[textStart..]);
            return _output.ToString();
        }

        /// <summary>Reads a tag, comment or declaration at the '&lt;' and moves past it; the name is null for comments.</summary>
        private bool TryReadMarkup(out string? tagName, out bool closing, out bool selfClosing)
        {
            tagName = null;
            closing = false;
            selfClosing = false;
            var next = _position + 1 < html.Length ? html[_position + 1] : '\0';
            if (next == '!' || next == '?')
            {
                var end = html.AsSpan(_position).StartsWith("<!--")
                    ? IndexAfter("-->", _position + 4)
                    : IndexAfter(">", _position + 2);
                _position = end;
                return true;
            }

            var nameStart = _position + (next == '/' ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is ':' or '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                return false;
            }

            tagName = html[nameStart..nameEnd];
            closing = next == '/';
            var quote = '\0';
            var i = nameEnd;
            for (; i < html.Length; i++)
            {
                var c = html[i];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '>')
                {
                    selfClosing = html[i - 1] == '/';
                    break;
                }
            }

            _position = Math.Min(i + 1, html.Length);
            return true;
        }

        private void OnTag(string name, bool closing, bool selfClosing)
        {
            if (HiddenElements.Contains(name))
            {
                if (!closing && !selfClosing)
                {
                    // Everything up to the matching end tag is skipped, markup-looking text in a script included.
                    var end = html.IndexOf("</" + name, _position, StringComparison.OrdinalIgnoreCase);
                    _position = end < 0 ? html.Length : IndexAfter(">", end);
                }

                return;
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                _output.Break(Pending.Line);
            }
            else if (name.Equals("li", StringComparison.OrdinalIgnoreCase))
            {
                _listItemDepth = Math.Max(0, _listItemDepth + (closing ? -1 : 1));
                _output.Break(Pending.Line);
            }
            else if (closing && (name.Equals("ul", StringComparison.OrdinalIgnoreCase) || name.Equals("ol", StringComparison.OrdinalIgnoreCase)))
            {
                // HTML lets "</li>" be left out; the list's end closes its items.
                _listItemDepth = 0;
                _output.Break(Pending.Paragraph);
            }
            else if (LineElements.Contains(name))
            {
                _output.Break(Pending.Line);
            }
            else if (ParagraphElements.Contains(name))
            {
                if (name.Equals("pre", StringComparison.OrdinalIgnoreCase))
                {
                    _preformattedDepth = Math.Max(0, _preformattedDepth + (closing ? -1 : 1));
                }

                // Inside a list item a paragraph is still part of the item: a line, not a blank-line break.
                _output.Break(_listItemDepth > 0 ? Pending.Line : Pending.Paragraph);
            }
            else if (CellElements.Contains(name))
            {
                _output.Break(Pending.Space);
            }
        }

        private void AppendText(string raw)
        {
            if (raw.Length == 0)
            {
                return;
            }

            var text = WebUtility.HtmlDecode(raw);
            if (_preformattedDepth > 0)
            {
                var lines = text.ReplaceLineEndings("\n").Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                    {
                        _output.Break(Pending.Line);
                    }

                    _output.Append(lines[i], preserveSpaces: true);
                }
            }
            else
            {
                _output.Append(text, preserveSpaces: false);
            }
        }

        private int IndexAfter(string value, int from)
        {
            var at = html.IndexOf(value, Math.Min(from, html.Length), StringComparison.Ordinal);
            return at < 0 ? html.Length : at + value.Length;
        }
    }

    /// <summary>Collects text into trimmed lines and paragraphs; breaks are held until more text comes, so none dangle.</summary>
    private sealed class TextBuilder
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _line = new();
        private Pending _pending;

        public void Break(Pending level)
        {
            if (level > _pending)
            {
                _pending = level;
            }
        }

        public void Append(string text, bool preserveSpaces)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) && !(preserveSpaces && c == ' '))
                {
                    Break(Pending.Space);
                }
                else if (!char.IsControl(c))
                {
                    // Control characters are no text (and PostgreSQL refuses NUL in a string).
                    Write(c);
                }
            }
        }

        public override string ToString() => _text.Append(_line.ToString().TrimEnd()).ToString().TrimEnd();

        private void Write(char c)
        {
            if (_text.Length > 0 || _line.Length > 0)
            {
                switch (_pending)
                {
                    case Pending.Paragraph:
                        EndLine();
                        if (_text.Length < 2 || _text[^2] != '\n')
                        {
                            _text.Append('\n');
                        }

                        break;
                    case Pending.Line:
                        EndLine();
                        break;
                    case Pending.Space when _line.Length > 0:
                        _line.Append(' ');
                        break;
                }
            }

            _pending = Pending.None;
            _line.Append(c);
        }

        private void EndLine()
        {
            var line = _line.ToString().Trim();
            _line.Clear();
            if (line.Length > 0)
            {
                _text.Append(line).Append('\n');
            }
        }
    }
}
