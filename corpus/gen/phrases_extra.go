package gen

// Process banks for the checklist elements samenhang met ander beleid (14)
// and communicatie (15), goal templates split by measurability, and the
// rows of the Veiligheidsmonitor and budget tables. Written for this
// project.

var extraBanks = []bank{
	{
		id: "samenhang", kind: kindProces, themes: []string{"0.partners-samenwerking-regie"},
		subject: "de samenhang met ander beleid",
		text: []string{
			"Veiligheid staat niet op zichzelf: dit plan [hangt nauw samen met|sluit aan op] het beleid voor het sociaal domein, [de jeugdhulp|het jeugdbeleid] en de openbare ruimte.",
			"De Algemene Plaatselijke Verordening en het [handhavingsbeleid|handhavingsprogramma] geven de instrumenten waarmee we [afspraken uit dit plan afdwingen|regels in de openbare ruimte handhaven].",
			"In de omgevingsvisie [is|wordt] aandacht [gevraagd|besteed] aan sociale veiligheid bij de inrichting van [nieuwe wijken|straten, pleinen en parken].",
			"Het [preventieakkoord|lokaal gezondheidsbeleid] en de aanpak van [alcohol en drugs|middelengebruik] versterken de inzet op [jeugd en veiligheid|de preventie van overlast].",
			"Voor de aanpak van [schulden en armoede|bestaansonzekerheid] werken we samen met [de afdeling werk en inkomen|het team schuldhulpverlening], omdat financiële problemen vaak [een voedingsbodem zijn voor|samenhangen met] criminaliteit.",
			"Het regionaal beleidsplan van de politie en het [regionaal risicoprofiel|beleidsplan] van de veiligheidsregio zijn [verwerkt in|meegenomen bij] de keuzes in dit plan.",
			"Waar [het woonbeleid|de woonvisie] raakt aan veiligheid, bijvoorbeeld bij [kamerverhuur|woningdelen] en huisvesting van arbeidsmigranten, stemmen we [af met|de aanpak af met] {corporatie}.",
			"[Flankerend beleid|Aanpalend beleid] zoals het evenementenbeleid en het horecabeleid [werken we in dit plan niet opnieuw uit|herhalen we hier niet]; we verwijzen ernaar waar dat nodig is.",
			"Binnen de gemeente [zoeken we|organiseren we] de verbinding tussen [veiligheid, zorg en ruimte|de domeinen veiligheid, sociaal en fysiek] in een [vast ambtelijk overleg|gezamenlijk kernteam].",
			"De [economische agenda|centrumvisie] en dit plan [versterken elkaar|gaan hand in hand] waar het gaat om een [levendig en veilig centrum|aantrekkelijk en veilig winkelgebied].",
		},
	},
	{
		id: "communicatie", kind: kindProces, themes: []string{"0.partners-samenwerking-regie"},
		subject: "de communicatie over veiligheid",
		text: []string{
			"We [informeren inwoners|houden inwoners op de hoogte] over [de aanpak en de resultaten|wat we doen en wat dat oplevert] via de [gemeentelijke website|website], sociale media en de lokale krant.",
			"[Campagnes|Voorlichtingscampagnes] over [inbraakpreventie en online fraude|babbeltrucs en phishing] voeren we [samen met politie en|met hulp van] {partner}.",
			"Bewustwording is [een belangrijk|een onmisbaar] onderdeel van preventie: wie [risico's herkent|weet waar de gevaren liggen], kan zich er beter tegen wapenen.",
			"Na ingrijpende incidenten [communiceren we snel en feitelijk|zorgen we voor heldere informatie], zodat geruchten [geen kans krijgen|zich niet verspreiden].",
			"Tijdens de Week van de Veiligheid [organiseren we|houden we] [activiteiten in de wijken|bijeenkomsten voor inwoners en ondernemers].",
			"Meldingen [worden|blijven] belangrijk; daarom laten we [inwoners weten|zien] wat er met hun melding gebeurt.",
			"Voor [raadsleden|de raad] [organiseren we|houden we] [jaarlijks|eens per jaar] een informatiebijeenkomst over de stand van de veiligheid.",
			"In [wijkkranten|nieuwsbrieven] en op [bewonersavonden|wijkbijeenkomsten] in onder meer {wijk} [vertellen|laten] we [wat de wijkagent en de boa doen|zien wat er in de buurt gebeurt].",
			"We [stemmen|zetten] de communicatie [af met|samen op met] de partners, zodat [inwoners één boodschap horen|de boodschap eenduidig is].",
		},
	},
}

// terugblikLead opens a paragraph that looks back on the previous plan.
var terugblikLead = []string{
	"Het vorige integraal veiligheidsplan liep [tot en met|t/m] {vorig}; [bij de evaluatie daarvan|in de eindevaluatie] kwamen [enkele|een aantal] lessen naar voren.",
	"[Terugkijkend op de afgelopen vier jaar|Als we terugkijken op de vorige periode] [zien we dat veel acties zijn uitgevoerd|zijn we op een aantal punten verder gekomen].",
	"Uit de evaluatie van het vorige plan blijkt dat [de samenwerking met partners goed verliep|niet alle doelen zijn gehaald], maar ook dat [de doelen vaak te algemeen waren geformuleerd|de resultaten niet altijd goed zijn vastgelegd].",
	"Wat ging goed in de afgelopen periode? [Vooral|Met name] de [aanpak van woninginbraken|samenwerking in de wijken] [werpt vruchten af|liet resultaat zien].",
	"Een verbeterpunt uit de vorige periode is [dat de raad vaker wil worden meegenomen|dat de informatiedeling tussen partners beter kan].",
}

// Goal templates that can be measured: a number, a base year, a target.
var doelMeetbaar = []string{
	"[In {eind}|Aan het einde van de planperiode] willen we dat het aantal {maat} [met {pct}% is gedaald|minimaal {pct}% lager ligt] ten opzichte van {vorig}.",
	"De voortgang meten we met [een nulmeting in {start} en een meting in {eind}|een jaarlijkse meting tegen de nulmeting van {vorig}].",
	"Het aantal {maat} [ligt in {eind} onder het niveau van {vorig}|daalt in de planperiode elk jaar met ten minste {klein}%].",
	"Als streefwaarde voor {eind} [geldt|hanteren we] een [daling|afname] van {pct}% van het aantal {maat} ten opzichte van [de nulmeting|{vorig}].",
	"Het rapportcijfer dat inwoners geven voor [de veiligheid in de buurt|hun veiligheidsgevoel] stijgt [uiterlijk in {eind}|in de planperiode] naar [minimaal|ten minste] {rapportcijfer}.",
}

// Goal templates that state an intention without a measure.
var doelVaag = []string{
	"We willen dat inwoners [merken|zien] dat we {onderwerp} [serieus aanpakken|met volle inzet aanpakken].",
	"Ons doel is om {onderwerp} [eerder te signaleren|vroegtijdig te herkennen] en [de samenwerking daarbij te versterken|sneller in te grijpen].",
	"Bij {onderwerp} [zoeken we|streven we naar] een [goede|effectieve] mix van preventieve, zorggerichte en repressieve maatregelen.",
	"Een van de doelen is dat [alle betrokken partners|professionals] signalen over {onderwerp} [herkennen en melden|snel met elkaar delen].",
	"Wat {onderwerp} betreft, [willen we de stijgende lijn doorbreken|willen we het huidige niveau minimaal vasthouden].",
	"We willen [de informatiepositie|het zicht] op {onderwerp} [versterken|verbeteren], zodat we gerichter kunnen optreden.",
}

// monitorRows are the Veiligheidsmonitor indicators of the beleving table:
// label and a typical value (a rapportcijfer below 10, else a percentage).
var monitorRows = []struct {
	label string
	base  float64
}{
	{"Voelt zich wel eens onveilig (%)", 31},
	{"Voelt zich wel eens onveilig in de eigen buurt (%)", 16},
	{"Rapportcijfer veiligheid buurt", 7.3},
	{"Rapportcijfer leefbaarheid buurt", 7.6},
	{"Ervaart veel overlast in de buurt (%)", 9},
	{"Slachtoffer van criminaliteit, laatste 12 maanden (%)", 17},
	{"Slachtoffer van online criminaliteit (%)", 14},
	{"Vindt dat de gemeente genoeg doet aan veiligheid (%)", 34},
	{"Ervaart verloedering in de buurt (%)", 23},
}

// budgetRows are the lines of the budget table, with a typical yearly
// amount in euros.
var budgetRows = []struct {
	label string
	base  int
}{
	{"Aanpak ondermijning", 120_000},
	{"Cameratoezicht", 45_000},
	{"Buurtbemiddeling", 30_000},
	{"Jongerenwerk en preventie", 85_000},
	{"Zorg en veiligheid (casusregie)", 70_000},
	{"Inzet boa's (aanvullend)", 150_000},
	{"Communicatie en campagnes", 15_000},
	{"Crisisbeheersing (bijdrage)", 60_000},
	{"Onvoorzien", 20_000},
}
