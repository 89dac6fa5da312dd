using JobBoard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace JobBoard.Web.Search;

/// <summary>
/// The small, rarely changed tables that searches, facets, feeds and recommendations look things up in: the categories
/// and the numbered filter values of <c>search_keys</c>. Each is read at most once a minute and kept in the memory cache,
/// never evicted (every request needs them).
/// </summary>
public sealed class BoardDirectories(JobBoardDbContext db, TimeProvider clock, IMemoryCache cache)
{
    private const string CategoriesKey = "search:categories";
    private const string KeysKey = "search:keys";
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan KeysReloadAtMostEvery = TimeSpan.FromSeconds(5);

    /// <summary>The categories by id and slug.</summary>
    public Task<CategoryDirectory> CategoriesAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(CategoriesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ReadEvery;
            entry.SetSize(1).SetPriority(CacheItemPriority.NeverRemove);
            var all = await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new CategoryEntry(c.Id, c.Slug, c.Name)).ToListAsync(cancellationToken);
            return new CategoryDirectory(all);
        })!;

    /// <summary>The categories read again now: one was asked for, or counted, that the directory in hand does not know.</summary>
    public Task<CategoryDirectory> ReloadCategoriesAsync(CancellationToken cancellationToken)
    {
        cache.Remove(CategoriesKey);
        return CategoriesAsync(cancellationToken);
    }

    /// <summary>The numbered filter values of <c>search_keys</c> (a few thousand rows).</summary>
    public Task<SearchKeys> SearchKeysAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(KeysKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ReadEvery;
            entry.SetSize(1).SetPriority(CacheItemPriority.NeverRemove);
            var loadedAt = clock.GetUtcNow();
            var rows = await db.Database.SqlQuery<SearchKeyRow>($"SELECT id, kind, value FROM search_keys").ToListAsync(cancellationToken);
            return new SearchKeys(rows.ToDictionary(k => (k.Kind, k.Value), k => k.Id), loadedAt);
        })!;

    /// <summary>
    /// The keys read again when <paramref name="keys"/> are more than a few seconds old, else <paramref name="keys"/>
    /// themselves: a filter named a value no key was found for, which may be newer than the keys (a country's first
    /// posting), but a value nobody uses must not cost a read on every search.
    /// </summary>
    public Task<SearchKeys> FresherSearchKeysAsync(SearchKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (clock.GetUtcNow() - keys.LoadedAt <= KeysReloadAtMostEvery)
        {
            return Task.FromResult(keys);
        }

        cache.Remove(KeysKey);
        return SearchKeysAsync(cancellationToken);
    }

    /// <summary>The currencies of the countries the board has postings in, and the default one, for the salary filter's list.</summary>
    public async Task<IReadOnlyList<string>> CurrenciesAsync(CancellationToken cancellationToken)
    {
        var keys = await SearchKeysAsync(cancellationToken);
        return [.. keys.ValuesOf("country").Select(CountryCurrency.Of).OfType<string>().Append(CountryCurrency.Default).Distinct().Order(StringComparer.Ordinal)];
    }

    private sealed record SearchKeyRow(int Id, string Kind, string Value);
}

public sealed record CategoryEntry(int Id, string Slug, string Name);

public sealed class CategoryDirectory(IReadOnlyList<CategoryEntry> categories)
{
    private readonly Dictionary<int, CategoryEntry> _byId = categories.ToDictionary(c => c.Id);
    private readonly Dictionary<string, CategoryEntry> _bySlug = categories.ToDictionary(c => c.Slug, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<CategoryEntry> All => categories;

    public CategoryEntry? ById(int id) => _byId.GetValueOrDefault(id);

    public CategoryEntry? BySlug(string slug) => _bySlug.GetValueOrDefault(slug);
}
