using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;

namespace SalesOps.Web.Features.Deals;

/// <summary>
/// Reads an ingest API body: capped in size, then checked field by field so that every bad field is reported at
/// once, by its API name and with what it should be, never with a .NET type name.
/// </summary>
public static class IngestBody
{
    /// <summary>A deal is a few hundred bytes; anything near this is not a deal.</summary>
    public const int MaxBytes = 64 * 1024;

    private const int MaxEchoedName = 40;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(title: "Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        // Covers bodies sent without a length (chunked): the server stops reading past the cap.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (JsonException ex)
        {
            return (null, Invalid(new() { ["body"] = [$"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."] }));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid(new() { ["body"] = ["The body must be a JSON object."] }));
            }

            var errors = Check(document.RootElement, typeof(T));
            if (errors.Count > 0)
            {
                return (null, Invalid(errors));
            }

            try
            {
                return (document.RootElement.Deserialize<T>(Json)!, null);
            }
            catch (JsonException)
            {
                // Every field passed on its own; what is left is the body as a whole (e.g. a field given twice).
                return (null, Invalid(new() { ["body"] = ["The body does not describe a deal; check each field's value."] }));
            }
        }
    }

    /// <summary>Every field that is unknown or of the wrong kind, by its API name.</summary>
    private static Dictionary<string, string[]> Check(JsonElement body, Type target)
    {
        var fields = target.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in body.EnumerateObject())
        {
            if (!fields.TryGetValue(member.Name, out var field))
            {
                var name = member.Name.Length > MaxEchoedName ? member.Name[..MaxEchoedName] + "…" : member.Name;
                errors[name] = [$"There is no such field. The fields are {string.Join(", ", fields.Keys)}."];
                continue;
            }

            var apiName = JsonNamingPolicy.CamelCase.ConvertName(field.Name);
            if (member.Value.ValueKind != JsonValueKind.Null && !Fits(member.Value, field.PropertyType))
            {
                errors[apiName] = [$"The {apiName} field must be {Describe(field.PropertyType)}."];
            }
        }

        return errors;
    }

    private static bool Fits(JsonElement value, Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain.IsEnum)
        {
            // Only a defined name: not 2, "2", or "Pipeline, Commit", all of which an enum parser would take.
            return value.ValueKind == JsonValueKind.String
                && Enum.GetNames(plain).Contains(value.GetString(), StringComparer.OrdinalIgnoreCase);
        }

        try
        {
            value.Deserialize(type, Json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Describe(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain switch
        {
            _ when plain.IsEnum => $"one of {string.Join(", ", Enum.GetNames(plain))}",
            _ when plain == typeof(string) => "a string",
            _ when plain == typeof(int) => "a whole number",
            _ when plain == typeof(decimal) => "a number (use a dot for decimals)",
            _ when plain == typeof(DateOnly) => "a date written yyyy-MM-dd",
            _ when plain == typeof(bool) => "true or false",
            _ => "a value of another kind",
        };
    }

    private static IResult Invalid(Dictionary<string, string[]> errors) => Results.ValidationProblem(errors);

    private static IResult TooLarge() => Results.Problem(
        title: $"The body is larger than {MaxBytes / 1024} KB.",
        detail: "Send one deal per request.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
