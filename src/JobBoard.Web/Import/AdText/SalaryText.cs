using System.Globalization;
using System.Text.RegularExpressions;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Import.AdText;

/// <summary>A pay range found in a line of an ad, and what had to be assumed to read it.</summary>
public sealed record SalaryFound(string Currency, decimal? Minimum, decimal? Maximum, PayPeriod Period, bool PeriodAssumed, bool CurrencyAssumed);

/// <summary>
/// Reads a salary as ads write it: "between $176,400 and $327,600 per year", "£35,000 - £40,000 a year", "€65.000 –
/// 80.000 € brutto pro Jahr", "$25–30/hour", "up to £40k". An amount counts only with a currency, or where the line is
/// about pay (a "Salary:" label, a compensation section); a sign-on bonus or a 401(k) is no salary. Nothing is made
/// up: no amount, no salary.
/// </summary>
public static partial class SalaryText
{
    private const decimal MaxAmount = 999_999_999m;

    public static SalaryFound? In(string text, string? countryCode, bool aboutPay)
    {
        var amounts = Amounts(text).ToList();
        var periodInText = PeriodOf(PeriodWords().Match(text));
        for (var i = 0; i < amounts.Count; i++)
        {
            var first = amounts[i];
            var last = first;
            if (i + 1 < amounts.Count && RangeJoin().IsMatch(text[first.End..amounts[i + 1].Start]))
            {
                last = amounts[++i];
            }

            var after = text[last.End..Math.Min(text.Length, last.End + 40)];
            var periodAfter = PeriodOf(PeriodAfter().Match(after));
            var currencyWritten = first.Currency ?? last.Currency;
            var looksLikePay = currencyWritten is not null
                               || (aboutPay && (first.Grouped || last.Grouped || first.Thousands || last.Thousands || periodAfter is not null));
            if (!looksLikePay || NotPay().IsMatch(after) || CurrencyCode(currencyWritten, countryCode) is not { } currency)
            {
                continue;
            }

            var low = first.Value;
            var high = last.Value;
            if (last.Thousands && !first.Thousands && low < 1000 && high >= 1000)
            {
                low *= 1000;
            }

            var period = periodAfter ?? periodInText;
            var assumed = period is null;
            period ??= high >= 10_000 ? PayPeriod.Year : high < 300 ? PayPeriod.Hour : null;
            if (period is not { } payPeriod || low > MaxAmount || high > MaxAmount)
            {
                continue;
            }

            var before = text[Math.Max(0, first.Start - 40)..first.Start];
            var (minimum, maximum) = !ReferenceEquals(first, last) ? (low, high)
                : UpTo().IsMatch(before) ? ((decimal?)null, (decimal?)high)
                : From().IsMatch(before) ? (low, null)
                : (low, high);
            return new SalaryFound(currency, minimum, maximum, payPeriod, assumed, currencyWritten is null);
        }

        return null;
    }

    private sealed record Amount(int Start, int End, decimal Value, string? Currency, bool Grouped, bool Thousands);

    private static IEnumerable<Amount> Amounts(string text)
    {
        foreach (Match match in AmountPattern().Matches(text))
        {
            var currency = match.Groups["pre"].Success ? match.Groups["pre"].Value : match.Groups["post"].Success ? match.Groups["post"].Value : null;
            var grouped = match.Groups["num"].Value.IndexOfAny([',', '.', '\'', '\u00a0', '\u202f']) >= 0;
            var thousands = match.Groups["k"].Success;
            var digits = new string(match.Groups["num"].Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length > 12)
            {
                continue;
            }

            var value = decimal.Parse(digits, CultureInfo.InvariantCulture);
            if (match.Groups["dec"].Success)
            {
                value += decimal.Parse("0." + match.Groups["dec"].Value, CultureInfo.InvariantCulture);
            }

            if (thousands)
            {
                value *= 1000;
            }

            if (value > 0)
            {
                yield return new Amount(match.Index, match.Index + match.Length, value, currency, grouped, thousands);
            }
        }
    }

    /// <summary>The ISO code of what the ad writes; "$" is the dollar of the ad's country when it has one, else USD.</summary>
    private static string? CurrencyCode(string? written, string? countryCode)
    {
        var local = LocalCurrency(countryCode);
        return written?.Trim() switch
        {
            null => local?.Code,
            "$" => local is { Symbol: var symbol } && symbol.Contains('$', StringComparison.Ordinal) ? local.Value.Code : "USD",
            "£" => "GBP",
            "€" => "EUR",
            "¥" => countryCode == "CN" ? "CNY" : "JPY",
            "₹" => "INR",
            "lei" => "RON",
            "zł" => "PLN",
            var code => code.ToUpperInvariant(),
        };
    }

    private static (string Code, string Symbol)? LocalCurrency(string? countryCode)
    {
        if (countryCode is not { Length: 2 })
        {
            return null;
        }

        try
        {
            var region = new RegionInfo(countryCode);
            return (region.ISOCurrencySymbol, region.CurrencySymbol);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static PayPeriod? PeriodOf(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant().Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return unit switch
        {
            "hour" or "hr" or "hourly" or "stunde" or "stündlich" => PayPeriod.Hour,
            "day" or "daily" or "tag" => PayPeriod.Day,
            "week" or "wk" or "weekly" or "woche" => PayPeriod.Week,
            "month" or "mo" or "monthly" or "monat" or "monatlich" or "pm" => PayPeriod.Month,
            "year" or "yr" or "annum" or "annually" or "yearly" or "annual" or "pa" or "jahr" or "jährlich" => PayPeriod.Year,
            _ => null,
        };
    }

    [GeneratedRegex(@"(?<pre>[$£€¥₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|NZD|RON|PLN|SEK|NOK|DKK|INR|JPY)\b)?\s?(?<num>\d{1,3}(?:[,.'\u00a0\u202f]\d{3})+|\d+)(?:[.,](?<dec>\d{1,2})(?!\d))?(?:\s?(?<k>[kK])\b)?(?:\s?(?<post>€|£|\b(?:USD|EUR|GBP|CHF|RON|PLN|SEK|NOK|DKK|lei|zł)\b))?")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^\s*(?:-|–|—|to|and|bis|until)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RangeJoin();

    [GeneratedRegex(@"^\s*(?:\(?(?:gross|brutto|base|OTE)\)?\s*)?(?:(?:per|a|an|/|each|pro|im|p\.?)\s*(?<unit>year|annum|yr|hour|hr|month|mo|week|wk|day|jahr|monat|stunde|woche|tag)\b|(?<unit>annually|yearly|hourly|monthly|weekly|daily|p\.\s?a\.?|pa\b|pm\b|jährlich|monatlich))", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodAfter();

    [GeneratedRegex(@"\b(?<unit>annual|yearly|hourly|monthly|weekly|daily)\s+(?:salary|pay|rate|wage|base)|\b(?:per|a|an|pro)\s+(?<unit>year|annum|hour|month|week|day|jahr|monat|stunde)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodWords();

    [GeneratedRegex(@"^\s*(?:sign[- ]?on|signing|joining|referral|relocation|bonus|in bonus|401|\(k\))", RegexOptions.IgnoreCase)]
    private static partial Regex NotPay();

    [GeneratedRegex(@"\b(?:up to|to a maximum of|max(?:imum)?\.?|bis zu)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UpTo();

    [GeneratedRegex(@"\b(?:from|starting (?:at|from)|at least|minimum(?: of)?|min\.?|ab)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex From();
}
