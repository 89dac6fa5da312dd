using JobBoard.Domain.Common;

namespace JobBoard.Tests.Domain.Common;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Line one\nLine two\r\n\tindented", true, false)]
    [InlineData("Line one\nLine two", false, true)]
    [InlineData("Dana\0Reyes", true, true)]
    [InlineData("bell\a", true, true)]
    [InlineData("escape\u001b[31m", false, true)]
    [InlineData("délai · 50 000 €", false, false)]
    public void Line_breaks_and_tabs_are_text_only_in_multi_line_values(string text, bool multiline, bool hasControl) =>
        PlainText.HasControlCharacters(text, multiline).Should().Be(hasControl);
}
