using System.Text.Json;

namespace JobBoard.Web.Import;

/// <summary>One entry of a feed and its position in the file, counted from 1 as a reader counts.</summary>
public readonly record struct FeedEntry(int Number, JsonElement Node);

/// <summary>The file could not be read as a feed: missing, unreadable or not JSON. The message says which, for a person.</summary>
public sealed class FeedFileException(string message) : Exception(message);

/// <summary>
/// A JSON file of schema.org JobPosting objects: an array of them, an object whose @graph holds them, or one JobPosting.
/// Nodes of an @graph that other nodes refer to by @id (an Organization, a Place) are not entries of their own.
/// </summary>
public sealed class JobPostingFeed : IDisposable
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly JsonDocument _document;

    private JobPostingFeed(JsonDocument document, List<FeedEntry> entries, Dictionary<string, JsonElement> nodesById)
    {
        _document = document;
        Entries = entries;
        NodesById = nodesById;
    }

    public IReadOnlyList<FeedEntry> Entries { get; }

    /// <summary>The @graph's nodes by their @id, for entries that refer to them.</summary>
    public IReadOnlyDictionary<string, JsonElement> NodesById { get; }

    public static async Task<JobPostingFeed> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new FeedFileException($"{path} is a directory, not a feed file.");
        }

        if (!File.Exists(path))
        {
            throw new FeedFileException($"{path}: no such file.");
        }

        JsonDocument document;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await JsonDocument.ParseAsync(stream, Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new FeedFileException($"{path} is not JSON: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FeedFileException($"{path} cannot be read: {ex.Message}");
        }

        try
        {
            return Parse(document);
        }
        catch (FeedFileException ex)
        {
            document.Dispose();
            throw new FeedFileException($"{path} {ex.Message}");
        }
    }

    /// <summary>Takes the document's entries; the feed owns the document from then on.</summary>
    public static JobPostingFeed Parse(JsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.RootElement;
        var nodes = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object when root.TryGetProperty("@graph", out var graph) =>
                graph.ValueKind == JsonValueKind.Array ? graph.EnumerateArray().ToList() : [graph],
            JsonValueKind.Object => [root],
            _ => throw new FeedFileException($"holds {root.ValueKind.ToString().ToLowerInvariant()} JSON, not JobPosting objects (an array, an object with @graph, or one object)."),
        };

        var nodesById = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var entries = new List<FeedEntry>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var id = node.ValueKind == JsonValueKind.Object && node.TryGetProperty("@id", out var idValue) && idValue.ValueKind == JsonValueKind.String
                ? idValue.GetString()
                : null;
            if (id is not null)
            {
                nodesById.TryAdd(id, node);
            }

            // An Organization or Place with an @id is there to be referred to; anything else that is no JobPosting is
            // an entry, for the importer to report.
            if (id is not null && !JobPostingJsonLdReader.IsJobPosting(node, out _))
            {
                continue;
            }

            entries.Add(new FeedEntry(i + 1, node));
        }

        return new JobPostingFeed(document, entries, nodesById);
    }

    public void Dispose() => _document.Dispose();
}
