namespace JobBoard.Domain.Common;

/// <summary>A rule the input broke, named by the field a form would show it against.</summary>
public sealed record DomainError(string Field, string Message);

/// <summary>The outcome of a domain operation: success, or the rules it broke. Nothing is changed on failure.</summary>
public class Result
{
    protected Result(IReadOnlyList<DomainError> errors) => Errors = errors;

    public IReadOnlyList<DomainError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static Result Success() => new([]);

    public static Result Failure(params DomainError[] errors) => new(errors);

    public static Result Failure(string field, string message) => new([new DomainError(field, message)]);

    public override string ToString() =>
        Succeeded ? "Success" : string.Join("; ", Errors.Select(e => $"{e.Field}: {e.Message}"));
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<DomainError> errors) : base(errors) => _value = value;

    /// <summary>The value; reading it from a failed result is a programming error.</summary>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"No value: {this}");

    public static Result<T> Success(T value) => new(value, []);

    public static new Result<T> Failure(params DomainError[] errors) => new(default, errors);

    public static Result<T> Failure(IReadOnlyList<DomainError> errors) => new(default, errors);
}
