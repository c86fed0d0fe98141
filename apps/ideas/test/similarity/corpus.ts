/**
 * A labelled German corpus of pairs of education ideas as an office receives them: true duplicates
 * phrased differently, ideas on a near topic that are not duplicates, and unrelated pairs. Synthetic;
 * written for tuning and checking the similarity search.
 */
export type PairLabel = 'duplicate' | 'near-topic' | 'unrelated';

export interface CorpusIdea {
  readonly title: string;
  readonly description: string;
}

export interface LabelledPair {
  readonly left: CorpusIdea;
  readonly right: CorpusIdea;
  readonly label: PairLabel;
}

const idea = (title: string, description: string): CorpusIdea => ({ title, description });
const pair = (label: PairLabel, left: CorpusIdea, right: CorpusIdea): LabelledPair => ({ left, right, label });

export const CORPUS: readonly LabelledPair[] = [
  pair(
    'duplicate',
    idea(
      'Sprachförderung in Kitas ausbauen',
      'Mehr Fachkräfte für alltagsintegrierte Sprachbildung in den Kindertagesstätten des Landkreises, damit Kinder mit Förderbedarf früh unterstützt werden.',
    ),
    idea(
      'Mehr Sprachförderkräfte für Kindertagesstätten',
      'Die Kitas im Kreis brauchen zusätzliche Sprachförderkräfte, die Kinder mit sprachlichem Förderbedarf im Kita-Alltag begleiten.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Schulbus-Takt an den Ganztag anpassen',
      'Die Busse fahren nach der sechsten Stunde; Kinder im Ganztag kommen erst spät nach Hause. Die Fahrpläne sollen an das Ende des Ganztags angepasst werden.',
    ),
    idea(
      'Busfahrpläne für Ganztagsschüler',
      'Ganztagsschülerinnen und -schüler warten oft lange auf den Bus. Wir schlagen vor, die Schulbusfahrpläne auf die Ganztagszeiten abzustimmen.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Digitale Endgeräte für alle Grundschulkinder',
      'Jedes Kind an den Grundschulen des Landkreises soll ein Tablet für den Unterricht erhalten, finanziert über den DigitalPakt.',
    ),
    idea(
      'Tablets für Grundschülerinnen und Grundschüler',
      'Ausstattung aller Grundschulkinder mit Tablets als digitale Endgeräte im Unterricht.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Berufsorientierung mit Betriebspraktika ab Klasse 8',
      'Schülerinnen und Schüler der Oberschulen sollen ab Klasse 8 zwei Praktika in Betrieben der Region machen, begleitet von der Agentur für Arbeit.',
    ),
    idea(
      'Praktika in regionalen Betrieben schon ab der achten Klasse',
      'Zur Berufsorientierung sollen Jugendliche ab Jahrgang 8 Betriebspraktika in der Region absolvieren können.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Elterncafé für zugewanderte Familien',
      'Ein offener Treffpunkt an Grundschulen, an dem zugewanderte Eltern das Schulsystem kennenlernen und Fragen stellen können, mit Dolmetschenden.',
    ),
    idea(
      'Eltern-Café an Grundschulen für Familien mit Zuwanderungsgeschichte',
      'Regelmäßiges Elterncafé, das Familien mit Zuwanderungsgeschichte das deutsche Schulsystem erklärt; Sprachmittlung ist dabei.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Lesepaten für Grundschulen gewinnen',
      'Ehrenamtliche Lesepatinnen und Lesepaten lesen einmal pro Woche mit Kindern, die beim Lesen Unterstützung brauchen.',
    ),
    idea(
      'Ehrenamtliche Lesepatenschaften an Grundschulen',
      'Wir möchten Ehrenamtliche als Lesepaten gewinnen, die wöchentlich mit leseschwachen Grundschulkindern üben.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Fachkräftemangel in Kitas: Quereinstieg erleichtern',
      'Quereinsteigerinnen und Quereinsteiger sollen berufsbegleitend zur Erzieherin oder zum Erzieher ausgebildet werden, um den Fachkräftemangel zu lindern.',
    ),
    idea(
      'Berufsbegleitende Erzieherausbildung für Quereinsteiger',
      'Gegen den Mangel an Fachkräften in Kindertagesstätten: eine berufsbegleitende Ausbildung zur Erzieherin für Menschen aus anderen Berufen.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Schulsozialarbeit an allen Oberschulen',
      'Jede Oberschule im Landkreis soll mindestens eine volle Stelle für Schulsozialarbeit bekommen.',
    ),
    idea(
      'Mindestens eine Schulsozialarbeiterstelle je Oberschule',
      'Wir schlagen vor, an jeder Oberschule eine Vollzeitstelle Schulsozialarbeit einzurichten.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Alphabetisierungskurse für Erwachsene an der VHS',
      'Die Volkshochschule soll wohnortnahe Kurse für Erwachsene anbieten, die kaum lesen und schreiben können.',
    ),
    idea(
      'Grundbildung: Lesen und Schreiben lernen für Erwachsene',
      'Wohnortnahe Alphabetisierungskurse der VHS für Erwachsene mit geringer Lese- und Schreibkompetenz.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Übergang Kita–Grundschule besser begleiten',
      'Kitas und Grundschulen sollen im letzten Kita-Jahr gemeinsame Projekte machen und Entwicklungsgespräche mit Einverständnis der Eltern teilen.',
    ),
    idea(
      'Kooperation von Kindertagesstätte und Grundschule beim Übergang',
      'Gemeinsame Projekte von Kita und Grundschule im Jahr vor der Einschulung, damit der Übergang für Kinder leichter wird.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'MINT-Förderung durch Schülerlabore',
      'Ein mobiles Schülerlabor soll die weiterführenden Schulen im Landkreis besuchen und Experimente in Naturwissenschaften und Technik ermöglichen.',
    ),
    idea(
      'Mobiles Schuelerlabor fuer MINT',
      'Ein Labor im Bus, das Schulen im Kreis anfährt, damit Schüler Experimente aus Naturwissenschaft und Technik selbst durchführen.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Ausbildungsmesse im Nordkreis',
      'Eine jährliche Ausbildungsmesse in Bramsche, auf der sich Betriebe aus dem Nordkreis Schülerinnen und Schülern vorstellen.',
    ),
    idea(
      'Jährliche Messe für Ausbildungsberufe in Bramsche',
      'Betriebe aus dem nördlichen Landkreis präsentieren ihre Ausbildungsberufe auf einer Messe für Jugendliche in Bramsche.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Schwimmunterricht für alle Grundschulkinder sichern',
      'Viele Kinder verlassen die Grundschule als Nichtschwimmer. Wir brauchen Schwimmzeiten in den Bädern und Busse zum Schwimmbad.',
    ),
    idea(
      'Nichtschwimmer-Quote an Grundschulen senken',
      'Mehr Schwimmunterricht in der Grundschule: Wasserzeiten im Hallenbad und Fahrten zum Schwimmbad für alle Klassen.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Weiterbildung zu künstlicher Intelligenz für Lehrkräfte',
      'Fortbildungen für Lehrerinnen und Lehrer zum Einsatz von KI-Werkzeugen im Unterricht, angeboten vom Medienzentrum.',
    ),
    idea(
      'KI im Unterricht: Fortbildungsreihe für Lehrkräfte',
      'Das Medienzentrum bietet Lehrkräften eine Fortbildungsreihe zur künstlichen Intelligenz im Unterricht an.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Familienzentren in jeder Gemeinde',
      'Kitas sollen zu Familienzentren weiterentwickelt werden, die Beratung, Elternbildung und Begegnung für Familien anbieten.',
    ),
    idea(
      'Kitas zu Familienzentren weiterentwickeln',
      'In jeder Gemeinde ein Familienzentrum an einer Kita mit Beratungsangeboten, Elternkursen und offenen Treffs.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Studienorientierung an Gymnasien mit der Hochschule Osnabrück',
      'Schnupperstudium und Campustage der Hochschule Osnabrück für Oberstufenschülerinnen und -schüler.',
    ),
    idea(
      'Campustage der Hochschule für die Oberstufe',
      'Die Hochschule Osnabrück lädt Schüler der Oberstufe zu Schnuppervorlesungen und Campustagen ein, um bei der Studienwahl zu helfen.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Hausaufgabenhilfe für Kinder aus geflüchteten Familien',
      'Ehrenamtliche helfen nachmittags bei den Hausaufgaben, besonders Kindern aus geflüchteten Familien.',
    ),
    idea(
      'Nachmittägliche Hausaufgabenbetreuung für geflüchtete Kinder',
      'Ein Angebot der Hausaufgabenhilfe am Nachmittag mit ehrenamtlichen Helfern für Kinder mit Fluchterfahrung.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Bildungsberatung für Erwachsene im ländlichen Raum',
      'Eine mobile Bildungsberatung, die in den Gemeinden Sprechstunden zu Weiterbildung und Förderung anbietet.',
    ),
    idea(
      'Mobile Weiterbildungsberatung in den Gemeinden',
      'Beraterinnen kommen in die Gemeinden und beraten Erwachsene vor Ort zu Weiterbildungsmöglichkeiten und Fördergeld.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Inklusionsassistenz bündeln (Poollösung)',
      'Schulbegleitungen sollen nicht mehr einzelnen Kindern, sondern als Pool einer Schule zugeordnet werden.',
    ),
    idea(
      'Poolmodell für Schulbegleitung',
      'Statt Einzelfallhilfe für jedes Kind: Schulbegleiterinnen und Schulbegleiter als Pool an der Schule einsetzen.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Sprachkurse mit Kinderbetreuung',
      'Viele Mütter können Integrationskurse nicht besuchen, weil eine Kinderbetreuung fehlt. Kurse mit paralleler Betreuung schaffen.',
    ),
    idea(
      'Integrationskurse mit Kinderbetreuung für Mütter',
      'Deutschkurse, bei denen die Kinder der Teilnehmerinnen parallel betreut werden, damit Mütter teilnehmen können.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Schulgärten an Grundschulen anlegen',
      'Jede Grundschule bekommt einen Schulgarten, in dem Kinder Gemüse anbauen und über Ernährung lernen.',
    ),
    idea(
      'Gärten für Grundschulen: Gemüse selbst anbauen',
      'Schulgärten, in denen Grundschulkinder Gemüse pflanzen und ernten und dabei gesunde Ernährung kennenlernen.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Bildungsmonitoring-Bericht in einfacher Sprache',
      'Der Bildungsbericht des Landkreises soll zusätzlich in einfacher Sprache erscheinen, damit ihn alle Bürgerinnen und Bürger verstehen.',
    ),
    idea(
      'Bildungsbericht auch in Leichter Sprache veröffentlichen',
      'Eine Fassung des Bildungsberichts in leichter bzw. einfacher Sprache für alle Einwohnerinnen und Einwohner.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Ferienprogramm gegen Lernrückstände',
      'In den Sommerferien Lerncamps für Kinder mit Lernrückständen in Deutsch und Mathematik.',
    ),
    idea(
      'Sommer-Lerncamps Deutsch und Mathe',
      'Lerncamps in den Ferien, in denen Schülerinnen und Schüler Rückstände in Mathematik und Deutsch aufholen.',
    ),
  ),
  pair(
    'duplicate',
    idea(
      'Azubi-Wohnheim für Auszubildende aus dem ländlichen Raum',
      'Auszubildende aus entlegenen Gemeinden brauchen bezahlbaren Wohnraum nahe den Berufsschulen.',
    ),
    idea(
      'Wohnheim für Azubis nahe den Berufsbildenden Schulen',
      'Bezahlbare Wohnplätze für Auszubildende, die aus ländlichen Gemeinden zur Berufsschule pendeln müssten.',
    ),
  ),

  pair(
    'near-topic',
    idea(
      'Sprachförderung in Kitas ausbauen',
      'Mehr Fachkräfte für alltagsintegrierte Sprachbildung in den Kindertagesstätten des Landkreises, damit Kinder mit Förderbedarf früh unterstützt werden.',
    ),
    idea(
      'Mehr Kita-Plätze für unter Dreijährige',
      'In mehreren Gemeinden fehlen Krippenplätze; neue Krippengruppen sollen eingerichtet werden.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Schulbus-Takt an den Ganztag anpassen',
      'Die Busse fahren nach der sechsten Stunde; Kinder im Ganztag kommen erst spät nach Hause. Die Fahrpläne sollen an das Ende des Ganztags angepasst werden.',
    ),
    idea(
      'Mittagessen im Ganztag gesünder machen',
      'Das Mittagessen im Ganztag soll frisch gekocht und regional sein; Schulen und Caterer entwickeln gemeinsam einen Speiseplan.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Digitale Endgeräte für alle Grundschulkinder',
      'Jedes Kind an den Grundschulen des Landkreises soll ein Tablet für den Unterricht erhalten, finanziert über den DigitalPakt.',
    ),
    idea(
      'IT-Administration für Schulen zentral organisieren',
      'Die Wartung der Schul-IT soll nicht mehr von Lehrkräften erledigt werden, sondern von einem zentralen Support des Schulträgers.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Berufsorientierung mit Betriebspraktika ab Klasse 8',
      'Schülerinnen und Schüler der Oberschulen sollen ab Klasse 8 zwei Praktika in Betrieben der Region machen, begleitet von der Agentur für Arbeit.',
    ),
    idea(
      'Ausbildungsabbrüche verringern',
      'Auszubildende, die ihre Ausbildung abbrechen wollen, sollen früh eine Beratung durch Kammern und Berufsschulen erhalten.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Elterncafé für zugewanderte Familien',
      'Ein offener Treffpunkt an Grundschulen, an dem zugewanderte Eltern das Schulsystem kennenlernen und Fragen stellen können, mit Dolmetschenden.',
    ),
    idea(
      'Sprachmittlerpool für Elterngespräche',
      'Schulen und Kitas sollen für Elterngespräche kurzfristig Sprachmittlerinnen aus einem Pool des Landkreises anfragen können.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Lesepaten für Grundschulen gewinnen',
      'Ehrenamtliche Lesepatinnen und Lesepaten lesen einmal pro Woche mit Kindern, die beim Lesen Unterstützung brauchen.',
    ),
    idea(
      'Schulbibliotheken modernisieren',
      'Die Bibliotheken der Grundschulen sollen neue Bücher, Hörbücher und gemütliche Leseecken bekommen.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Fachkräftemangel in Kitas: Quereinstieg erleichtern',
      'Quereinsteigerinnen und Quereinsteiger sollen berufsbegleitend zur Erzieherin oder zum Erzieher ausgebildet werden, um den Fachkräftemangel zu lindern.',
    ),
    idea(
      'Praxisanleitung in Kitas stärken',
      'Kitas, die Auszubildende zur Erzieherin anleiten, sollen dafür Stunden freigestellt bekommen.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Schulsozialarbeit an allen Oberschulen',
      'Jede Oberschule im Landkreis soll mindestens eine volle Stelle für Schulsozialarbeit bekommen.',
    ),
    idea(
      'Schulpsychologische Beratung ausbauen',
      'Wartezeiten bei der schulpsychologischen Beratung sind zu lang; zusätzliche Stellen beim Regionalen Landesamt beantragen.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Alphabetisierungskurse für Erwachsene an der VHS',
      'Die Volkshochschule soll wohnortnahe Kurse für Erwachsene anbieten, die kaum lesen und schreiben können.',
    ),
    idea(
      'Digitale Grundkurse für Seniorinnen und Senioren',
      'Die VHS bietet in den Gemeinden Kurse zum Umgang mit Smartphone und Online-Diensten für ältere Menschen an.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Übergang Kita–Grundschule besser begleiten',
      'Kitas und Grundschulen sollen im letzten Kita-Jahr gemeinsame Projekte machen und Entwicklungsgespräche mit Einverständnis der Eltern teilen.',
    ),
    idea(
      'Übergang von der Grundschule auf weiterführende Schulen',
      'Eine Informationsreihe für Eltern der vierten Klassen über die weiterführenden Schulformen im Landkreis.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'MINT-Förderung durch Schülerlabore',
      'Ein mobiles Schülerlabor soll die weiterführenden Schulen im Landkreis besuchen und Experimente in Naturwissenschaften und Technik ermöglichen.',
    ),
    idea(
      'Mädchen für Informatik begeistern',
      'Programmier-AGs und Girls-Day-Angebote, die Schülerinnen an Informatik heranführen.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Ausbildungsmesse im Nordkreis',
      'Eine jährliche Ausbildungsmesse in Bramsche, auf der sich Betriebe aus dem Nordkreis Schülerinnen und Schülern vorstellen.',
    ),
    idea(
      'Studienmesse für Abiturientinnen und Abiturienten',
      'Hochschulen aus der Region stellen ihre Studiengänge auf einer Messe in Osnabrück vor.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Schwimmunterricht für alle Grundschulkinder sichern',
      'Viele Kinder verlassen die Grundschule als Nichtschwimmer. Wir brauchen Schwimmzeiten in den Bädern und Busse zum Schwimmbad.',
    ),
    idea(
      'Bewegte Pause an Grundschulen',
      'Spielgeräte und ausgebildete Pausenhelfer sollen Kinder in den Pausen zu mehr Bewegung bringen.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Weiterbildung zu künstlicher Intelligenz für Lehrkräfte',
      'Fortbildungen für Lehrerinnen und Lehrer zum Einsatz von KI-Werkzeugen im Unterricht, angeboten vom Medienzentrum.',
    ),
    idea(
      'Medienkompetenz für Eltern',
      'Elternabende zu Handynutzung, sozialen Netzwerken und Jugendmedienschutz, organisiert vom Medienzentrum.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Familienzentren in jeder Gemeinde',
      'Kitas sollen zu Familienzentren weiterentwickelt werden, die Beratung, Elternbildung und Begegnung für Familien anbieten.',
    ),
    idea(
      'Familienhebammen für junge Eltern',
      'Familienhebammen begleiten junge Familien im ersten Lebensjahr des Kindes mit Hausbesuchen.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Studienorientierung an Gymnasien mit der Hochschule Osnabrück',
      'Schnupperstudium und Campustage der Hochschule Osnabrück für Oberstufenschülerinnen und -schüler.',
    ),
    idea(
      'Duales Studium mit Betrieben aus dem Landkreis',
      'Mehr Plätze im dualen Studium, gemeinsam von Hochschule und Unternehmen der Region.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Hausaufgabenhilfe für Kinder aus geflüchteten Familien',
      'Ehrenamtliche helfen nachmittags bei den Hausaufgaben, besonders Kindern aus geflüchteten Familien.',
    ),
    idea(
      'Ehrenamtskoordination für Bildungsprojekte',
      'Eine Stelle, die Ehrenamtliche für Bildungsprojekte gewinnt, schult und an Schulen und Vereine vermittelt.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Bildungsberatung für Erwachsene im ländlichen Raum',
      'Eine mobile Bildungsberatung, die in den Gemeinden Sprechstunden zu Weiterbildung und Förderung anbietet.',
    ),
    idea(
      'Anerkennung ausländischer Berufsabschlüsse beschleunigen',
      'Beratung und Begleitung für Zugewanderte, deren Berufsabschluss anerkannt werden soll.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Inklusionsassistenz bündeln (Poollösung)',
      'Schulbegleitungen sollen nicht mehr einzelnen Kindern, sondern als Pool einer Schule zugeordnet werden.',
    ),
    idea(
      'Barrierefreie Schulgebäude',
      'Aufzüge, Rampen und Akustikdecken in den Schulen des Landkreises, damit alle Kinder inklusiv lernen können.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Sprachkurse mit Kinderbetreuung',
      'Viele Mütter können Integrationskurse nicht besuchen, weil eine Kinderbetreuung fehlt. Kurse mit paralleler Betreuung schaffen.',
    ),
    idea(
      'Berufsbezogene Deutschkurse in Betrieben',
      'Deutschkurse direkt im Betrieb für Beschäftigte mit Zuwanderungsgeschichte, während der Arbeitszeit.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Schulgärten an Grundschulen anlegen',
      'Jede Grundschule bekommt einen Schulgarten, in dem Kinder Gemüse anbauen und über Ernährung lernen.',
    ),
    idea(
      'Bildung für nachhaltige Entwicklung im Unterricht',
      'Lehrkräfte erhalten Material und Fortbildungen, um Klimaschutz und Nachhaltigkeit in allen Fächern zu behandeln.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Bildungsmonitoring-Bericht in einfacher Sprache',
      'Der Bildungsbericht des Landkreises soll zusätzlich in einfacher Sprache erscheinen, damit ihn alle Bürgerinnen und Bürger verstehen.',
    ),
    idea(
      'Bildungsdaten als offene Daten veröffentlichen',
      'Die Kennzahlen des Bildungsmonitorings sollen als Open Data maschinenlesbar bereitgestellt werden.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Ferienprogramm gegen Lernrückstände',
      'In den Sommerferien Lerncamps für Kinder mit Lernrückständen in Deutsch und Mathematik.',
    ),
    idea(
      'Ferienbetreuung für Grundschulkinder berufstätiger Eltern',
      'Eine verlässliche Betreuung in allen Ferien für Kinder, deren Eltern arbeiten.',
    ),
  ),
  pair(
    'near-topic',
    idea(
      'Azubi-Wohnheim für Auszubildende aus dem ländlichen Raum',
      'Auszubildende aus entlegenen Gemeinden brauchen bezahlbaren Wohnraum nahe den Berufsschulen.',
    ),
    idea(
      'Azubi-Ticket für Bus und Bahn',
      'Ein vergünstigtes Monatsticket für Auszubildende, damit sie Berufsschule und Betrieb erreichen.',
    ),
  ),

  pair(
    'unrelated',
    idea(
      'Sprachförderung in Kitas ausbauen',
      'Mehr Fachkräfte für alltagsintegrierte Sprachbildung in den Kindertagesstätten des Landkreises, damit Kinder mit Förderbedarf früh unterstützt werden.',
    ),
    idea(
      'Azubi-Ticket für Bus und Bahn',
      'Ein vergünstigtes Monatsticket für Auszubildende, damit sie Berufsschule und Betrieb erreichen.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Schulbus-Takt an den Ganztag anpassen',
      'Die Busse fahren nach der sechsten Stunde; Kinder im Ganztag kommen erst spät nach Hause. Die Fahrpläne sollen an das Ende des Ganztags angepasst werden.',
    ),
    idea(
      'Bildungsdaten als offene Daten veröffentlichen',
      'Die Kennzahlen des Bildungsmonitorings sollen als Open Data maschinenlesbar bereitgestellt werden.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Digitale Endgeräte für alle Grundschulkinder',
      'Jedes Kind an den Grundschulen des Landkreises soll ein Tablet für den Unterricht erhalten, finanziert über den DigitalPakt.',
    ),
    idea(
      'Familienhebammen für junge Eltern',
      'Familienhebammen begleiten junge Familien im ersten Lebensjahr des Kindes mit Hausbesuchen.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Berufsorientierung mit Betriebspraktika ab Klasse 8',
      'Schülerinnen und Schüler der Oberschulen sollen ab Klasse 8 zwei Praktika in Betrieben der Region machen, begleitet von der Agentur für Arbeit.',
    ),
    idea(
      'Schulgärten an Grundschulen anlegen',
      'Jede Grundschule bekommt einen Schulgarten, in dem Kinder Gemüse anbauen und über Ernährung lernen.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Elterncafé für zugewanderte Familien',
      'Ein offener Treffpunkt an Grundschulen, an dem zugewanderte Eltern das Schulsystem kennenlernen und Fragen stellen können, mit Dolmetschenden.',
    ),
    idea(
      'Mobiles Schuelerlabor fuer MINT',
      'Ein Labor im Bus, das Schulen im Kreis anfährt, damit Schüler Experimente aus Naturwissenschaft und Technik selbst durchführen.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Lesepaten für Grundschulen gewinnen',
      'Ehrenamtliche Lesepatinnen und Lesepaten lesen einmal pro Woche mit Kindern, die beim Lesen Unterstützung brauchen.',
    ),
    idea(
      'Duales Studium mit Betrieben aus dem Landkreis',
      'Mehr Plätze im dualen Studium, gemeinsam von Hochschule und Unternehmen der Region.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Fachkräftemangel in Kitas: Quereinstieg erleichtern',
      'Quereinsteigerinnen und Quereinsteiger sollen berufsbegleitend zur Erzieherin oder zum Erzieher ausgebildet werden, um den Fachkräftemangel zu lindern.',
    ),
    idea(
      'Barrierefreie Schulgebäude',
      'Aufzüge, Rampen und Akustikdecken in den Schulen des Landkreises, damit alle Kinder inklusiv lernen können.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Schulsozialarbeit an allen Oberschulen',
      'Jede Oberschule im Landkreis soll mindestens eine volle Stelle für Schulsozialarbeit bekommen.',
    ),
    idea(
      'Sommer-Lerncamps Deutsch und Mathe',
      'Lerncamps in den Ferien, in denen Schülerinnen und Schüler Rückstände in Mathematik und Deutsch aufholen.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Alphabetisierungskurse für Erwachsene an der VHS',
      'Die Volkshochschule soll wohnortnahe Kurse für Erwachsene anbieten, die kaum lesen und schreiben können.',
    ),
    idea(
      'Bewegte Pause an Grundschulen',
      'Spielgeräte und ausgebildete Pausenhelfer sollen Kinder in den Pausen zu mehr Bewegung bringen.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Übergang Kita–Grundschule besser begleiten',
      'Kitas und Grundschulen sollen im letzten Kita-Jahr gemeinsame Projekte machen und Entwicklungsgespräche mit Einverständnis der Eltern teilen.',
    ),
    idea(
      'Anerkennung ausländischer Berufsabschlüsse beschleunigen',
      'Beratung und Begleitung für Zugewanderte, deren Berufsabschluss anerkannt werden soll.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'MINT-Förderung durch Schülerlabore',
      'Ein mobiles Schülerlabor soll die weiterführenden Schulen im Landkreis besuchen und Experimente in Naturwissenschaften und Technik ermöglichen.',
    ),
    idea(
      'Integrationskurse mit Kinderbetreuung für Mütter',
      'Deutschkurse, bei denen die Kinder der Teilnehmerinnen parallel betreut werden, damit Mütter teilnehmen können.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Ausbildungsmesse im Nordkreis',
      'Eine jährliche Ausbildungsmesse in Bramsche, auf der sich Betriebe aus dem Nordkreis Schülerinnen und Schülern vorstellen.',
    ),
    idea(
      'Medienkompetenz für Eltern',
      'Elternabende zu Handynutzung, sozialen Netzwerken und Jugendmedienschutz, organisiert vom Medienzentrum.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Schwimmunterricht für alle Grundschulkinder sichern',
      'Viele Kinder verlassen die Grundschule als Nichtschwimmer. Wir brauchen Schwimmzeiten in den Bädern und Busse zum Schwimmbad.',
    ),
    idea(
      'IT-Administration für Schulen zentral organisieren',
      'Die Wartung der Schul-IT soll nicht mehr von Lehrkräften erledigt werden, sondern von einem zentralen Support des Schulträgers.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Weiterbildung zu künstlicher Intelligenz für Lehrkräfte',
      'Fortbildungen für Lehrerinnen und Lehrer zum Einsatz von KI-Werkzeugen im Unterricht, angeboten vom Medienzentrum.',
    ),
    idea(
      'Mehr Kita-Plätze für unter Dreijährige',
      'In mehreren Gemeinden fehlen Krippenplätze; neue Krippengruppen sollen eingerichtet werden.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Familienzentren in jeder Gemeinde',
      'Kitas sollen zu Familienzentren weiterentwickelt werden, die Beratung, Elternbildung und Begegnung für Familien anbieten.',
    ),
    idea(
      'Mädchen für Informatik begeistern',
      'Programmier-AGs und Girls-Day-Angebote, die Schülerinnen an Informatik heranführen.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Studienorientierung an Gymnasien mit der Hochschule Osnabrück',
      'Schnupperstudium und Campustage der Hochschule Osnabrück für Oberstufenschülerinnen und -schüler.',
    ),
    idea(
      'Ferienbetreuung für Grundschulkinder berufstätiger Eltern',
      'Eine verlässliche Betreuung in allen Ferien für Kinder, deren Eltern arbeiten.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Hausaufgabenhilfe für Kinder aus geflüchteten Familien',
      'Ehrenamtliche helfen nachmittags bei den Hausaufgaben, besonders Kindern aus geflüchteten Familien.',
    ),
    idea(
      'Praxisanleitung in Kitas stärken',
      'Kitas, die Auszubildende zur Erzieherin anleiten, sollen dafür Stunden freigestellt bekommen.',
    ),
  ),
  pair(
    'unrelated',
    idea(
      'Bildungsberatung für Erwachsene im ländlichen Raum',
      'Eine mobile Bildungsberatung, die in den Gemeinden Sprechstunden zu Weiterbildung und Förderung anbietet.',
    ),
    idea(
      'Mittagessen im Ganztag gesünder machen',
      'Das Mittagessen im Ganztag soll frisch gekocht und regional sein; Schulen und Caterer entwickeln gemeinsam einen Speiseplan.',
    ),
  ),
];
