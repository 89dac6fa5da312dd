using System.Text.RegularExpressions;

namespace JobBoard.Tests.Source;

/// <summary>
/// Which top-level folders of a project's source use which others, read from the source text: <c>using
/// JobBoard.Web.X</c> lines (Razor's <c>@using</c> too, <c>_ViewImports.cshtml</c> counting for its folder) and fully
/// qualified names such as <c>JobBoard.Web.X.Type</c>. Files directly in the project folder (Program.cs and the host's
/// middleware) are the composition root, which may use every folder, and are left out.
/// </summary>
public sealed partial class FolderImports
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private FolderImports(string rootNamespace) => RootNamespace = rootNamespace;

    public string RootNamespace { get; }

    /// <summary>Each folder's imports: the folders it uses, each with the first file and line that does.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Edges => _edges;

    /// <summary>Files whose namespace is not their folder's, which would hide what they import.</summary>
    public List<string> MisplacedNamespaces { get; } = [];

    public static FolderImports Read(string projectFolder, string rootNamespace)
    {
        var imports = new FolderImports(rootNamespace);
        var files = Directory.EnumerateFiles(projectFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(projectFolder, f).Replace('\\', '/'))
            .Where(f => f.Contains('/', StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var reference = new Regex($@"\b{Regex.Escape(rootNamespace)}\.([A-Z]\w*)\b");
        foreach (var file in files)
        {
            var folder = file[..file.IndexOf('/', StringComparison.Ordinal)];
            var lineNumber = 0;
            foreach (var line in File.ReadLines(Path.Combine(projectFolder, file)))
            {
                lineNumber++;
                if (Namespace().Match(line) is { Success: true } declared)
                {
                    var expected = $"{rootNamespace}.{folder}";
                    if (declared.Groups[1].Value != expected && !declared.Groups[1].Value.StartsWith(expected + ".", StringComparison.Ordinal))
                    {
                        imports.MisplacedNamespaces.Add($"{file}: {line.Trim()}");
                    }

                    continue;
                }

                foreach (Match used in reference.Matches(line))
                {
                    var target = used.Groups[1].Value;
                    if (target != folder && Directory.Exists(Path.Combine(projectFolder, target)))
                    {
                        var from = imports._edges.TryGetValue(folder, out var existing) ? existing : imports._edges[folder] = new(StringComparer.Ordinal);
                        from.TryAdd(target, $"{file}:{lineNumber}: {line.Trim()}");
                    }
                }
            }
        }

        return imports;
    }

    /// <summary>Every cycle of folders importing each other, each named from its first folder in order ("A → B → A"), with where each step is.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var start in _edges.Keys)
        {
            Walk(start, [start]);
        }

        return [.. cycles];

        void Walk(string folder, List<string> path)
        {
            foreach (var next in _edges.GetValueOrDefault(folder)?.Keys ?? Enumerable.Empty<string>())
            {
                if (next == path[0])
                {
                    // Each cycle once: named from its least folder.
                    if (path.Min(StringComparer.Ordinal) == path[0])
                    {
                        var steps = path.Zip([.. path.Skip(1), path[0]], (a, b) => $"  {a} → {b} ({_edges[a][b]})");
                        cycles.Add($"{string.Join(" → ", path)} → {path[0]}:\n{string.Join("\n", steps)}");
                    }
                }
                else if (!path.Contains(next))
                {
                    Walk(next, [.. path, next]);
                }
            }
        }
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)")]
    private static partial Regex Namespace();
}
