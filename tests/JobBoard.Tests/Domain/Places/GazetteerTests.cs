using System.IO.Compression;
using System.Text;
using JobBoard.Domain.Common;
using JobBoard.Domain.Places;

namespace JobBoard.Tests.Domain.Places;

public sealed class GazetteerTests
{
    private static Gazetteer Gazetteer => Gazetteer.Default;

    [Theory]
    [InlineData("Chicago\uFFFF, IL")]
    [InlineData("Chicago, IL\uD800")]
    [InlineData("\uFDD0Chicago, IL")]
    public void A_place_name_holding_what_Unicode_normalization_refuses_is_still_read(string name) =>
        Gazetteer.Resolve(name)!.Name.Should().Be("Chicago");

    [Fact]
    public void Resolves_a_US_city_with_its_state_code()
    {
        var chicago = Gazetteer.Resolve("Chicago, IL")!;

        chicago.Should().BeEquivalentTo(new
        {
            Name = "Chicago",
            Region = "Illinois",
            RegionCode = "IL",
            CountryCode = "US",
            CountryName = "United States",
        });
        chicago.Latitude.Should().BeApproximately(41.85, 0.1);
        chicago.Longitude.Should().BeApproximately(-87.65, 0.1);
    }

    [Theory]
    [InlineData("Chicago, IL", "Chicago", "US", "IL")]
    [InlineData("Elk Grove Village, IL", "Elk Grove Village", "US", "IL")]
    [InlineData("Peoria, IL", "Peoria", "US", "IL")]
    [InlineData("Champaign, IL", "Champaign", "US", "IL")]
    [InlineData("Elmhurst, IL", "Elmhurst", "US", "IL")]
    [InlineData("Cambridge, MA", "Cambridge", "US", "MA")]
    [InlineData("New York", "New York City", "US", "NY")]
    [InlineData("New York, NY", "New York City", "US", "NY")]
    [InlineData("Nashville", "Nashville", "US", "TN")]
    [InlineData("Charlotte", "Charlotte", "US", "NC")]
    [InlineData("Atlanta", "Atlanta", "US", "GA")]
    [InlineData("Miami", "Miami", "US", "FL")]
    [InlineData("Bucharest", "Bucharest", "RO", "10")]
    [InlineData("Bucharest, Romania", "Bucharest", "RO", "10")]
    [InlineData("Cluj-Napoca", "Cluj-Napoca", "RO", "13")]
    [InlineData("Madrid", "Madrid", "ES", "29")]
    [InlineData("London", "London", "GB", "ENG")]
    public void Resolves_the_cities_postings_name(string text, string name, string countryCode, string regionCode)
    {
        var match = Gazetteer.Match(text);

        match.Should().NotBeNull();
        match!.Precision.Should().Be(PlacePrecision.City);
        match.Place.Should().BeEquivalentTo(new { Name = name, CountryCode = countryCode, RegionCode = regionCode });
    }

    [Fact]
    public void Elk_Grove_Village_is_near_Chicago_and_Peoria_is_not()
    {
        var chicago = Gazetteer.Resolve("Chicago, IL")!;
        var elkGroveVillage = Gazetteer.Resolve("Elk Grove Village, IL")!;
        var peoria = Gazetteer.Resolve("Peoria, IL")!;

        GeoDistance.Kilometres(chicago, elkGroveVillage).Should().BeLessThan(40);
        GeoDistance.Kilometres(chicago, peoria).Should().BeGreaterThan(200);
    }

    [Fact]
    public void Chicago_to_New_York_is_about_1145_km()
    {
        var chicago = Gazetteer.Resolve("Chicago, IL")!;
        var newYork = Gazetteer.Resolve("New York")!;

        GeoDistance.Kilometres(chicago, newYork).Should().BeApproximately(1145, 15);
    }

    [Fact]
    public void Bucharest_is_in_Romania_with_its_region_name()
    {
        var bucharest = Gazetteer.Resolve("Bucharest");

        bucharest.Should().BeEquivalentTo(new { Name = "Bucharest", Region = "Bucharest", CountryCode = "RO", CountryName = "Romania" });
    }

    [Theory]
    [InlineData("Iasi", "iasi", "Iași County")]
    [InlineData("Timisoara", "timisoara", "Timiș County")]
    [InlineData("IAȘI", "iasi", "Iași County")]
    [InlineData("Brasov", "brasov", "Brașov County")]
    public void Finds_Romanian_cities_written_without_diacritics(string text, string foldedName, string region)
    {
        var place = Gazetteer.Resolve(text);

        place.Should().NotBeNull();
        Slug.From(place!.Name).Should().Be(foldedName);
        place.Region.Should().Be(region);
        place.CountryCode.Should().Be("RO");
    }

    [Theory]
    [InlineData("Bucuresti")]
    [InlineData("București")]
    [InlineData("bucharest")]
    public void Finds_Bucharest_by_its_Romanian_name_too(string text)
    {
        Gazetteer.Resolve(text).Should().Be(Gazetteer.Resolve("Bucharest"));
    }

    [Fact]
    public void Plain_Paris_is_the_French_capital_and_Paris_TX_is_in_Texas()
    {
        Gazetteer.Resolve("Paris").Should().BeEquivalentTo(new { Name = "Paris", CountryCode = "FR" });
        Gazetteer.Resolve("Paris, TX").Should().BeEquivalentTo(new { Name = "Paris", CountryCode = "US", RegionCode = "TX", Region = "Texas" });
        Gazetteer.Resolve("Paris, France").Should().Be(Gazetteer.Resolve("Paris"));
    }

    [Theory]
    [InlineData("Chicago, Illinois")]
    [InlineData("Chicago, IL, USA")]
    [InlineData("Chicago, IL, United States of America")]
    [InlineData("chicago, il")]
    [InlineData("Chicago IL")]
    [InlineData("Chicago, IL 60601")]
    [InlineData("Chicago (Hybrid)")]
    [InlineData("Greater Chicago Area")]
    public void Understands_the_ways_postings_write_a_city(string text)
    {
        Gazetteer.Resolve(text).Should().BeEquivalentTo(new { Name = "Chicago", RegionCode = "IL", CountryCode = "US" });
    }

    [Theory]
    [InlineData("London, UK", "GB")]
    [InlineData("London, Great Britain", "GB")]
    [InlineData("London, England", "GB")]
    [InlineData("London, ON", "CA")]
    [InlineData("Bucharest, RO", "RO")]
    public void Takes_country_names_codes_and_aliases_after_the_city(string text, string countryCode)
    {
        Gazetteer.Resolve(text)!.CountryCode.Should().Be(countryCode);
    }

    [Fact]
    public void A_region_code_beats_a_country_code_with_the_same_letters()
    {
        // MA is also Morocco, CA also Canada; after a US city they are states.
        Gazetteer.Resolve("Cambridge, MA")!.CountryCode.Should().Be("US");
        Gazetteer.Resolve("London, CA").Should().BeEquivalentTo(new { CountryCode = "US", RegionCode = "CA" });
    }

    [Fact]
    public void An_unknown_city_in_a_known_region_falls_back_to_the_region()
    {
        var match = Gazetteer.Match("America, IL");
        var chicago = Gazetteer.Resolve("Chicago, IL")!;

        match.Should().NotBeNull();
        match!.Precision.Should().Be(PlacePrecision.Region);
        match.IsExact.Should().BeFalse();
        match.Place.Should().BeEquivalentTo(new { Name = "Illinois", Region = "Illinois", RegionCode = "IL", CountryCode = "US" });
        match.Place.Latitude.Should().Be(chicago.Latitude, "a region is placed at its most populous place");
        match.Place.Longitude.Should().Be(chicago.Longitude);
    }

    [Fact]
    public void An_unknown_city_in_a_known_country_falls_back_to_the_country()
    {
        var match = Gazetteer.Match("Somewhere, Romania");

        match.Should().NotBeNull();
        match!.Precision.Should().Be(PlacePrecision.Country);
        match.Place.Should().BeEquivalentTo(new { Name = "Romania", CountryCode = "RO", CountryName = "Romania" });
        match.Place.Latitude.Should().Be(Gazetteer.Resolve("Bucharest")!.Latitude);
    }

    [Fact]
    public void The_region_is_preferred_to_the_country_when_both_are_named()
    {
        var match = Gazetteer.Match("Somewhere, Prahova, Romania");

        match!.Precision.Should().Be(PlacePrecision.Region);
        match.Place.Name.Should().Be("Prahova");
    }

    [Fact]
    public void A_city_not_in_the_state_named_falls_back_to_the_state()
    {
        // There are Parises in Texas and elsewhere, none in New Mexico; guessing one would put the posting states away.
        Gazetteer.Match("Paris, NM").Should().BeEquivalentTo(new { Precision = PlacePrecision.Region, Place = new { Name = "New Mexico", RegionCode = "NM" } });
    }

    [Fact]
    public void A_city_named_with_the_wrong_country_falls_back_to_the_country()
    {
        Gazetteer.Match("Chicago, Romania").Should().BeEquivalentTo(new { Precision = PlacePrecision.Country, Place = new { CountryCode = "RO" } });
    }

    [Theory]
    [InlineData("Illinois", PlacePrecision.Region, "Illinois")]
    [InlineData("Texas, USA", PlacePrecision.Region, "Texas")]
    [InlineData("Romania", PlacePrecision.Country, "Romania")]
    [InlineData("USA", PlacePrecision.Country, "United States")]
    public void A_region_or_country_on_its_own_resolves_to_it(string text, PlacePrecision precision, string name)
    {
        Gazetteer.Match(text).Should().BeEquivalentTo(new { Precision = precision, Place = new { Name = name } });
    }

    [Theory]
    [InlineData("Xyzzyplugh")]
    [InlineData("Xyzzyplugh, Qwfpgj")]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("60601")]
    public void Unknown_text_resolves_to_nothing(string text)
    {
        Gazetteer.Resolve(text).Should().BeNull();
        Gazetteer.Match(text).Should().BeNull();
    }

    [Fact]
    public void Broken_unicode_in_the_text_is_read_past()
    {
        Gazetteer.Resolve("Iași\uD800").Should().Be(Gazetteer.Resolve("Iasi"));
        Gazetteer.Resolve("\uDC00").Should().BeNull();
    }

    [Fact]
    public void Suggests_places_by_prefix_biggest_first()
    {
        var suggestions = Gazetteer.Suggest("Chic", 5);

        suggestions.Should().HaveCount(5);
        suggestions[0].Should().BeEquivalentTo(new { Name = "Chicago", RegionCode = "IL" });
        suggestions.Select(place => place.Population).Should().BeInDescendingOrder();
        suggestions.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Suggestions_fold_diacritics_and_alternate_names()
    {
        Slug.From(Gazetteer.Suggest("timis", 1).Single().Name).Should().Be("timisoara");
        Gazetteer.Suggest("Bucur", 3).Should().Contain(place => place.Name == "Bucharest");
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData("  ", 5)]
    [InlineData("Chic", 0)]
    [InlineData("Xyzzyplugh", 5)]
    public void Suggests_nothing_for_an_empty_prefix_limit_or_unknown_prefix(string prefix, int limit)
    {
        Gazetteer.Suggest(prefix, limit).Should().BeEmpty();
    }

    [Fact]
    public void The_default_gazetteer_is_loaded_once_and_holds_GeoNames_places()
    {
        Gazetteer.Default.Should().BeSameAs(Gazetteer.Default);
        Gazetteer.Default.PlaceCount.Should().BeGreaterThan(100_000);
    }

    [Fact]
    public void Loads_a_gazetteer_in_the_format_the_build_script_writes()
    {
        var gazetteer = Gazetteer.Load(GzipTsv(
            "#country\tiso2\tname\taliases\tcontinent",
            "RO\tRomania\tRoumanie\tEU",
            "#region\tcountry\tadmin1\tname\taliases",
            "RO\t30\tPrahova\tPH",
            "#place\tname\tascii\talternates\tcountry\tadmin1\tregion\tlatitude\tlongitude\tpopulation\tcity",
            "Ploiești\tPloiesti\tPloeschti\tRO\t30\tPrahova\t44.95\t26.01667\t228851\t",
            "Câmpina\tCampina\t\tRO\t30\tPrahova\t45.13333\t25.73333\t32935\t",
            "Bariera Bucov\t\t\tRO\t30\tPrahova\t44.96\t26.04\t5000\tPloiești"));

        gazetteer.PlaceCount.Should().Be(3);
        gazetteer.Resolve("Ploeschti, Roumanie").Should().BeEquivalentTo(new Place("Ploiești", "Prahova", "30", "RO", "Romania", 44.95, 26.01667, 228851));
        gazetteer.Resolve("Campina, PH")!.Name.Should().Be("Câmpina");
        gazetteer.Match("Somewhere, Prahova").Should().BeEquivalentTo(new { Precision = PlacePrecision.Region, Place = new { Name = "Prahova", Latitude = 44.95 } });
        gazetteer.Resolve("Bariera Bucov")!.DistrictOf.Should().BeSameAs(gazetteer.Resolve("Ploiesti"));
        gazetteer.Continent("RO").Should().Be("EU");
    }

    [Theory]
    [InlineData("Sector 2, Bucharest", "Bucharest")]
    [InlineData("Sectorul 6, Romania", "Bucharest")]
    [InlineData("Brooklyn, NY", "New York City")]
    [InlineData("Queens, NY", "New York City")]
    [InlineData("Manhattan, NY", "New York City")]
    [InlineData("Staten Island", "New York City")]
    [InlineData("Harlem, NY", "New York City")]
    [InlineData("Lincoln Park, IL", "Chicago")]
    public void A_citys_districts_are_known_as_part_of_it(string text, string city)
    {
        var district = Gazetteer.Resolve(text)!;

        district.DistrictOf!.Name.Should().Be(city);
        Gazetteer.Districts(district.DistrictOf).Should().Contain(district);
        Gazetteer.Districts(district).Should().BeSameAs(Gazetteer.Districts(district.DistrictOf), "a district's districts are its city's");
        Gazetteer.CityOfDistrict(district.Name, district.Region, district.CountryCode).Should().BeSameAs(district.DistrictOf);
    }

    [Theory]
    [InlineData("Cambridge, MA")]
    [InlineData("Yonkers, NY")]
    [InlineData("Elk Grove Village, IL")]
    [InlineData("Evanston, IL")]
    [InlineData("Ploiesti")]
    [InlineData("Bucharest")]
    public void Neighbouring_towns_and_cities_themselves_are_no_district(string text)
    {
        var place = Gazetteer.Resolve(text)!;

        place.DistrictOf.Should().BeNull();
        Gazetteer.CityOfDistrict(place.Name, place.Region, place.CountryCode).Should().BeNull();
    }

    [Fact]
    public void Bucharest_is_made_of_its_six_sectors()
    {
        var bucharest = Gazetteer.Resolve("Bucharest")!;

        Gazetteer.Districts(bucharest).Select(d => d.Name).Should().BeEquivalentTo("Sector 1", "Sector 2", "Sector 3", "Sector 4", "Sector 5", "Sector 6");
    }

    [Fact]
    public void A_citys_extent_reaches_its_farthest_district()
    {
        var bucharest = Gazetteer.Resolve("Bucharest")!;
        var sector1 = Gazetteer.Resolve("Sector 1, Bucharest")!;

        Gazetteer.ExtentKm(bucharest).Should().Be(Math.Ceiling(GeoDistance.Kilometres(bucharest.Latitude, bucharest.Longitude, sector1.Latitude, sector1.Longitude)));
        Gazetteer.ExtentKm(sector1).Should().Be(Gazetteer.ExtentKm(bucharest));
        Gazetteer.ExtentKm(Gazetteer.Resolve("New York, NY")!).Should().BeInRange(20, 40, "Staten Island is 20 km from the city's centre");
        Gazetteer.ExtentKm(Gazetteer.Resolve("Ploiesti")!).Should().Be(0);
    }

    [Theory]
    [InlineData("US", "NA")]
    [InlineData("ca", "NA")]
    [InlineData("RO", "EU")]
    [InlineData("BG", "EU")]
    [InlineData("RU", "EU")]
    [InlineData("JP", "AS")]
    [InlineData("BR", "SA")]
    [InlineData("AU", "OC")]
    [InlineData("EG", "AF")]
    public void Knows_the_continent_of_each_country(string countryCode, string continent) =>
        Gazetteer.Continent(countryCode).Should().Be(continent);

    private static MemoryStream GzipTsv(params string[] lines)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        }

        compressed.Position = 0;
        return compressed;
    }
}
