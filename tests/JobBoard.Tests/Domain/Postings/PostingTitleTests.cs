using JobBoard.Domain.Postings;

namespace JobBoard.Tests.Domain.Postings;

public sealed class PostingTitleTests
{
    private static readonly PostingLocation Bucharest = PostingLocation.Create(new PlaceInput("Bucharest", "București", null, "RO", "Romania", 44.43225, 26.10626));
    private static readonly PostingLocation Chicago = PostingLocation.Create(new PlaceInput("Chicago", "Illinois", "IL", "US", "United States", 41.85003, -87.65005));
    private static readonly PostingLocation Iasi = PostingLocation.Create(new PlaceInput("Iași", "Iași", null, "RO", "Romania", 47.16667, 27.6));
    private static readonly PostingLocation ClujNapoca = PostingLocation.Create(new PlaceInput("Cluj-Napoca", "Cluj", null, "RO", "Romania", 46.76667, 23.6));

    [Theory]
    [InlineData("Key Account Manager -Oncology | Bucharest", "Key Account Manager -Oncology")]
    [InlineData("Key Account Manager - Bucharest", "Key Account Manager")]
    [InlineData("Key Account Manager – Bucharest, Romania", "Key Account Manager")]
    [InlineData("Key Account Manager, BUCHAREST", "Key Account Manager")]
    [InlineData("Key Account Manager | Romania", "Key Account Manager")]
    [InlineData("Key Account Manager (m/f) - RO", "Key Account Manager (m/f)")]
    [InlineData("Nurse - Chicago, IL", "Nurse")]
    [InlineData("Nurse | Chicago, Illinois, United States", "Nurse")]
    [InlineData("Data Analyst - Iasi", "Data Analyst")]
    [InlineData("Data Analyst | Iași", "Data Analyst")]
    [InlineData("Developer - Cluj-Napoca", "Developer")]
    public void A_trailing_part_that_only_names_a_place_of_the_posting_or_its_country_goes(string title, string expected) =>
        PostingTitle.WithoutPlaceSuffix(title, [Bucharest, Chicago, Iasi, ClujNapoca], []).Should().Be(expected);

    [Theory]
    [InlineData("Internal Medicine Opportunity - 40 minutes from Chicago, IL!")]
    [InlineData("Veterinary Technician-ER/ICU")]
    [InlineData("Registered Nurse - $20K Sign on")]
    [InlineData("Key Account Manager - Sofia")]
    [InlineData("Nurse - Chicago, Ontario")]
    [InlineData("Sales Director, Illinois")]
    [InlineData("Bucharest")]
    [InlineData("| Bucharest")]
    [InlineData("Bucharest Sales Lead")]
    [InlineData("Nurse - Chicago area")]
    [InlineData("Commercial Account Executive, Security")]
    public void Anything_else_keeps_the_title_whole(string title) =>
        PostingTitle.WithoutPlaceSuffix(title, [Bucharest, Chicago], []).Should().Be(title);

    [Fact]
    public void A_remote_posting_drops_a_country_it_takes_applicants_from()
    {
        PostingTitle.WithoutPlaceSuffix("Medical Science Liaison - US", [], ["US"]).Should().Be("Medical Science Liaison");
        PostingTitle.WithoutPlaceSuffix("Medical Science Liaison - DE", [], ["US"]).Should().Be("Medical Science Liaison - DE");
    }
}
