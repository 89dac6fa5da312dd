namespace JobBoard.Data.Configurations;

/// <summary>
/// CHECK constraints that keep values the app cannot read out of the postings' columns, whoever writes them (psql,
/// an import): enums are stored by name, and the ad's requirements and sections are JSON arrays of objects.
/// </summary>
internal static class StoredValues
{
    /// <summary><c>column IN ('A', 'B', …)</c>, from the enum's names, so a new member is a new migration.</summary>
    public static string OneOf<TEnum>(string column)
        where TEnum : struct, Enum => $"{column} IN ({Quoted<TEnum>(", ", "'{0}'")})";

    /// <summary>
    /// NULL, or an array whose every element is an object whose <paramref name="enumKey"/> names a member of
    /// <typeparamref name="TEnum"/> and whose <paramref name="textKeys"/> are strings where present.
    /// </summary>
    public static string JsonArrayOf<TEnum>(string column, string enumKey, params string[] textKeys)
        where TEnum : struct, Enum
    {
        var wrongText = string.Concat(textKeys.Select(key => $" || (exists(@.{key}) && @.{key}.type() != \"string\" && @.{key}.type() != \"null\")"));
        var path = $"$[*] ? (@.type() != \"object\" || !exists(@.{enumKey}) || !({Quoted<TEnum>(" || ", $"@.{enumKey} == \"{{0}}\"")}){wrongText})";
        return $"{column} IS NULL OR (jsonb_typeof({column}) = 'array' AND NOT jsonb_path_exists({column}, '{path}'))";
    }

    private static string Quoted<TEnum>(string separator, string format)
        where TEnum : struct, Enum => string.Join(separator, Enum.GetNames<TEnum>().Select(name => string.Format(null, format, name)));
}
