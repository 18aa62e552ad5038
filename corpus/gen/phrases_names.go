package gen

import "github.com/ccv/ivp/corpus"

// Invented place names and partner names for the slots. The names are
// ordinary Dutch words; any likeness to a real place is a coincidence of
// the language, not a reference.

var wijkNamen = []string{
	"Oosterpark", "Het Zand", "De Weiden", "Molenwijk", "Kerkebuurt", "De Vliet",
	"Rozenhof", "Noorderveld", "Zuiderhaven", "De Akkers", "Vogelbuurt",
	"Bloemenbuurt", "Het Hof", "De Gaarden", "Beekdal", "Westerkwartier-Zuid",
	"De Horst", "Lindenhove", "Stationskwartier", "De Brink", "Wilgenrijk",
	"Dorpsstraat-Noord", "Het Veen", "Meerzicht-Oost",
}

var centrumNamen = []string{
	"het centrum", "de binnenstad", "het stadshart", "de dorpskern",
	"het kernwinkelgebied", "het winkelcentrum aan het Marktplein",
}

var uitgaanNamen = []string{
	"het uitgaansgebied rond de Markt", "het stationsgebied",
	"het uitgaansgebied in de binnenstad", "de horeca aan de Havenkade",
	"het Kerkplein en omgeving", "de Grote Straat",
}

var terreinNamen = []string{
	"De Hoek", "Hoogveld", "Kanaalzone", "De Vaart", "Middelveld", "Oostpoort",
	"De Kampen", "Zuiderhoek", "Spoorzone-West", "Molenakker",
}

var parkNamen = []string{
	"vakantiepark De Wielewaal", "recreatiepark Het Zwanenmeer",
	"bungalowpark De Berkenhof", "camping De Zandhoeve", "vakantiepark Heidezicht",
	"recreatiepark De Vossenberg",
}

var evenementNamen = []string{
	"de jaarlijkse kermis", "het zomerfestival", "de braderie", "het havenfestival",
	"de feestweek", "de intocht van Sinterklaas", "het bevrijdingsfestival",
	"de zomerkermis", "de oogstfeesten",
}

var corporatieNamen = []string{
	"Woonstichting De Linde", "Wooncorporatie Thuisbasis", "Woongroep Samen",
	"Woonstichting Het Anker", "Woonvereniging Vooruit", "Wooncoöperatie Het Erf",
}

var partnerNamen = []string{
	"de politie", "het Openbaar Ministerie", "de veiligheidsregio", "het RIEC",
	"het Zorg- en Veiligheidshuis", "Veilig Thuis", "de GGD", "het jongerenwerk",
	"Halt", "de woningcorporatie", "de ondernemersvereniging", "de brandweer",
	"het wijkteam", "Slachtofferhulp Nederland", "de reclassering",
	"de boa's van de gemeente",
}

// Title variants per document type; the period follows.
var docTitles = map[corpus.DocType][]string{
	corpus.TypeIVP: {"Integraal Veiligheidsplan", "Integraal veiligheidsplan", "Integraal Veiligheidsbeleid",
		"Kadernota Integrale Veiligheid", "Veiligheidsplan"},
	corpus.TypeUitvoeringsplan: {"Uitvoeringsplan Veiligheid", "Jaarplan Integrale Veiligheid",
		"Uitvoeringsprogramma Integrale Veiligheid", "Jaaruitvoeringsplan Veiligheid", "Uitvoeringsplan Integrale Veiligheid"},
	corpus.TypeEvaluatie: {"Evaluatie integraal veiligheidsbeleid", "Evaluatie Integraal Veiligheidsplan",
		"Terugblik integrale veiligheid"},
	corpus.TypeVeiligheidsanalyse: {"Veiligheidsanalyse", "Lokale veiligheidsanalyse", "Veiligheidsbeeld",
		"Integrale veiligheidsanalyse"},
}

// Taglines for the cover of an IVP; {gemeente} is one of its gemeenten.
var taglines = []string{
	"Samen werken aan een veilig {gemeente}",
	"Veilig wonen, werken en leven",
	"Samen sterk voor veiligheid",
	"Een veilige gemeente, dat doen we samen",
	"Dichtbij en samen",
	"Veiligheid: een gezamenlijke opgave",
}

// Heading variants, by role. Keys are looked up, never ranged over.
var headings = map[string][]string{
	"inleiding":      {"Inleiding", "Aanleiding en inleiding", "Introductie"},
	"aanleiding":     {"Aanleiding", "Waarom dit plan?", "Achtergrond"},
	"visie":          {"Visie en ambitie", "Onze visie op veiligheid", "Missie en visie"},
	"kader":          {"Wettelijk kader", "Juridisch kader en rolverdeling", "Kaders en rollen"},
	"totstandkoming": {"Totstandkoming", "Hoe dit plan tot stand kwam", "Participatie en totstandkoming"},
	"leeswijzer":     {"Leeswijzer", "Opbouw van dit document"},
	"analyse":        {"Veiligheidsanalyse", "Veiligheidsbeeld", "Analyse van de veiligheid", "De veiligheid in cijfers"},
	"cijfers":        {"Cijfers op hoofdlijnen", "Geregistreerde criminaliteit", "Ontwikkeling van de cijfers"},
	"terugblik":      {"Terugblik op de vorige periode", "Evaluatie vorig beleid", "Wat hebben we bereikt?"},
	"prioriteiten":   {"Prioriteiten", "Onze speerpunten", "Keuzes en prioriteiten", "Prioriteiten {periode}"},
	"overige":        {"Overige veiligheidsthema's", "Overige thema's", "Basisaanpak: overige thema's"},
	"uitvoering":     {"Uitvoering en monitoring", "Organisatie, uitvoering en monitoring", "Uitvoering, middelen en verantwoording"},
	"regie":          {"Regie en samenwerking", "Rollen en samenwerking", "Organisatie en samenwerking"},
	"cyclus":         {"Uitvoeringsplan en monitoring", "Monitoring en verantwoording", "Beleidscyclus"},
	"middelen":       {"Financiën", "Middelen en capaciteit", "Budget en formatie"},
	"doel":           {"Wat willen we bereiken?", "Doelstelling", "Ambitie"},
	"aanpak":         {"Wat gaan we doen?", "Aanpak", "Onze aanpak"},
	"acties":         {"Acties in {jaar}", "Acties", "Wat doen we in {jaar}?"},
	"uitv-prio":      {"Prioriteiten {jaar}", "Speerpunten in {jaar}", "Uitvoering van de prioriteiten"},
	"uitv-middelen":  {"Middelen en monitoring", "Financiën en verantwoording", "Middelen, planning en monitoring"},
	"samenwerking":   {"Samenwerking", "Partners en samenwerking"},
	"werkwijze":      {"Werkwijze van de evaluatie", "Aanpak van de evaluatie", "Werkwijze"},
	"eval-prio":      {"Terugblik op de prioriteiten", "Resultaten per prioriteit", "Wat hebben we gedaan?"},
	"eval-goed":      {"Wat ging goed?", "Resultaten", "Behaalde resultaten"},
	"eval-beter":     {"Verbeterpunten", "Lessen voor de toekomst", "Wat kan beter?"},
	"eval-org":       {"Samenwerking en organisatie", "Organisatie en middelen"},
	"conclusies":     {"Conclusies en aanbevelingen", "Aanbevelingen voor het nieuwe plan", "Conclusies"},
	"bronnen":        {"Bronnen en werkwijze", "Verantwoording van de gegevens", "Gebruikte bronnen"},
	"hoofdlijnen":    {"Veiligheidsbeeld op hoofdlijnen", "Het beeld in het kort", "Hoofdlijnen"},
	"beleving":       {"Veiligheidsbeleving", "Hoe veilig voelen inwoners zich?"},
	"aandacht":       {"Conclusies en aandachtspunten", "Aandachtspunten voor beleid", "Conclusies"},
}

// veldTitles are the five veiligheidsvelden of Kernbeleid Veiligheid, as
// chapter or section titles, in three namings; a plan keeps to one.
var veldTitles = [6][]string{
	1: {"Veilige woon- en leefomgeving", "Veilige woon- en leefomgeving", "Veld 1: Veilige woon- en leefomgeving"},
	2: {"Bedrijvigheid en veiligheid", "Veilig ondernemen en uitgaan", "Veld 2: Bedrijvigheid en veiligheid"},
	3: {"Jeugd en veiligheid", "Jeugd en veiligheid", "Veld 3: Jeugd en veiligheid"},
	4: {"Fysieke veiligheid", "Fysieke veiligheid", "Veld 4: Fysieke veiligheid"},
	5: {"Integriteit en veiligheid", "Integriteit en veiligheid", "Veld 5: Integriteit en veiligheid"},
}

// The rows of the crime figures table: label, the plural used in a
// sentence, and a typical yearly count for a gemeente of middling size.
var figureRows = []struct {
	label, plural string
	base          int
}{
	{"Woninginbraak", "woninginbraken", 120},
	{"Fietsendiefstal", "fietsendiefstallen", 260},
	{"Diefstal uit/vanaf motorvoertuigen", "diefstallen uit of vanaf auto's", 150},
	{"Geweldsdelicten", "geweldsdelicten", 180},
	{"Vernielingen", "vernielingen", 210},
	{"Winkeldiefstal", "winkeldiefstallen", 90},
	{"Overlast jeugd (meldingen)", "meldingen van jeugdoverlast", 240},
	{"Verward gedrag (E33-meldingen)", "E33-meldingen over verward gedrag", 200},
	{"Verkeersongevallen met letsel", "verkeersongevallen met letsel", 70},
	{"Online fraude (aangiften)", "aangiften van online fraude", 110},
}

var maanden = []string{
	"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december",
}
