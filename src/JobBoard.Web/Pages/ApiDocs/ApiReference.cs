using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace JobBoard.Web.Pages.ApiDocs;

/// <summary>The OpenAPI document as the docs page shows it: operations with their parameters and responses, and the
/// shapes of the JSON they return.</summary>
public sealed record ApiReference(
    string Title, string? Description, string Version, IReadOnlyList<ApiOperation> Operations, IReadOnlyList<ApiSchema> Schemas)
{
    public static ApiReference From(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var parameters = (item.Parameters ?? []).Concat(operation.Parameters ?? [])
                    .Select(p => new ApiParameter(
                        p.Name ?? string.Empty,
                        p.In?.ToString().ToLowerInvariant() ?? string.Empty,
                        TypeOf(p.Schema),
                        p.Required,
                        p.Description))
                    .ToList();
                var responses = (operation.Responses ?? [])
                    .OrderBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => new ApiResponse(
                        r.Key,
                        r.Value.Description,
                        [.. (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => new ApiContent(c.Key, TypeOf(c.Value.Schema)))]))
                    .ToList();
                operations.Add(new ApiOperation(
                    method.Method.ToUpperInvariant(), path, operation.OperationId, operation.Summary, operation.Description, parameters, responses));
            }
        }

        var schemas = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ApiSchema(
                s.Key,
                s.Value.Description,
                [.. (s.Value.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(p => new ApiProperty(
                    p.Key, TypeOf(p.Value), s.Value.Required?.Contains(p.Key) == true, p.Value.Description))]))
            .ToList();

        return new ApiReference(
            document.Info?.Title ?? "API", document.Info?.Description, document.Info?.Version ?? string.Empty, operations, schemas);
    }

    /// <summary>"integer", "array of JobSummary", "map of integer", "SalaryResponse or null", "km | mi" (a string of those values),
    /// with named shapes linkable.</summary>
    public static IReadOnlyList<TypePart> TypeOf(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return [];
        }

        if (schema is OpenApiSchemaReference reference && reference.Reference?.Id is { } id)
        {
            return [new TypePart(id, id)];
        }

        // "SalaryResponse or null" reads better than the generator's "null or SalaryResponse".
        var alternatives = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).OrderBy(a => a.Type == JsonSchemaType.Null).ToList();
        if (alternatives.Count > 0)
        {
            return Join(alternatives.Select(TypeOf), " or ");
        }

        var type = schema.Type ?? 0;
        var parts = new List<TypePart>();
        if (type.HasFlag(JsonSchemaType.Array))
        {
            parts.Add(new TypePart("array of "));
            parts.AddRange(TypeOf(schema.Items) is { Count: > 0 } items ? items : [new TypePart("anything")]);
        }
        else if (type.HasFlag(JsonSchemaType.Object) && schema.AdditionalProperties is { } values)
        {
            parts.Add(new TypePart("map of "));
            parts.AddRange(TypeOf(values));
        }
        else if (type.HasFlag(JsonSchemaType.Object))
        {
            parts.Add(new TypePart("object"));
        }
        else if (type.HasFlag(JsonSchemaType.Integer))
        {
            // ASP.NET Core also reads numbers written as strings, so its schemas say "integer or string"; the API writes numbers.
            parts.Add(new TypePart("integer"));
        }
        else if (type.HasFlag(JsonSchemaType.Number))
        {
            parts.Add(new TypePart("number"));
        }
        else if (type.HasFlag(JsonSchemaType.String) && schema.Enum is { Count: > 0 } allowed)
        {
            parts.Add(new TypePart(string.Join(" | ", allowed.Select(value => value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString()))));
        }
        else if (type.HasFlag(JsonSchemaType.String))
        {
            parts.Add(new TypePart(schema.Format is "date" or "date-time" or "uri" or "uuid" ? $"string ({schema.Format})" : "string"));
        }
        else if (type.HasFlag(JsonSchemaType.Boolean))
        {
            parts.Add(new TypePart("boolean"));
        }

        if (type.HasFlag(JsonSchemaType.Null))
        {
            parts.Add(new TypePart(parts.Count == 0 ? "null" : " or null"));
        }

        return parts;
    }

    private static List<TypePart> Join(IEnumerable<IReadOnlyList<TypePart>> alternatives, string separator)
    {
        var parts = new List<TypePart>();
        foreach (var alternative in alternatives.Where(a => a.Count > 0))
        {
            if (parts.Count > 0)
            {
                parts.Add(new TypePart(separator));
            }

            parts.AddRange(alternative);
        }

        return parts;
    }
}

public sealed record ApiOperation(
    string Method,
    string Path,
    string? OperationId,
    string? Summary,
    string? Description,
    IReadOnlyList<ApiParameter> Parameters,
    IReadOnlyList<ApiResponse> Responses)
{
    public string Anchor => $"op-{OperationId ?? $"{Method}-{Path}"}".ToLowerInvariant();
}

public sealed record ApiParameter(string Name, string In, IReadOnlyList<TypePart> Type, bool Required, string? Description);

public sealed record ApiResponse(string Status, string? Description, IReadOnlyList<ApiContent> Content);

public sealed record ApiContent(string MediaType, IReadOnlyList<TypePart> Type);

public sealed record ApiSchema(string Name, string? Description, IReadOnlyList<ApiProperty> Properties)
{
    public string Anchor => SchemaAnchor(Name);

    public static string SchemaAnchor(string name) => $"schema-{name}";
}

public sealed record ApiProperty(string Name, IReadOnlyList<TypePart> Type, bool Required, string? Description);

/// <summary>A piece of a type's description; <see cref="Schema"/> names a shape listed on the page.</summary>
public sealed record TypePart(string Text, string? Schema = null);
