import type { Language } from '@/lib/contracts/common';
import type { Plural } from '@/components/booking/i18n/messages';

/**
 * The words of `/availability/{token}`, one catalog per language (that of the campaigns waiting
 * for the person). The page hands the browser only the one it shows. `{name}` placeholders are
 * filled by `fill`, plurals by `plural` (components/booking/i18n/format-message.ts).
 */
export type AvailabilityFormText = {
  /** BCP 47 locale of the dates. */
  locale: string;
  pageTitle: string;
  eyebrow: string;
  title: string;
  waiting: Plural;
  lead: string;
  zoneLabel: string;
  zoneHint: string;
  zoneSearch: string;
  zoneSearchLabel: string;
  thisWeek: string;
  nextWeek: string;
  previousButton: string;
  nextButton: string;
  gridHint: string;
  time: string;
  typeHeading: string;
  typeHint: string;
  readButton: string;
  summaryHeading: string;
  nothing: string;
  lastSaved: string;
  save: string;
  noneFound: string;
  marked: string;
  notUnderstood: string;
  saved: string;
  released: Plural;
  offered: string;
  footer: string;
  /** The link is malformed or no longer known. */
  linkInvalid: string;
  /** The times sent could not be saved as they are (a tampered or stale form). */
  timesInvalid: string;
  /** The page of a link that does not exist (in the browser's language: no campaign names one). */
  notFoundTitle: string;
  notFoundLead: string;
};

export const availabilityFormText: Record<Language, AvailabilityFormText> = {
  en: {
    locale: 'en-GB',
    pageTitle: 'Your interview times',
    eyebrow: '{organization} · interview scheduling',
    title: 'When are you free, {name}?',
    waiting: {
      one: 'A candidate is waiting to book an interview with you.',
      other: '{n} candidates are waiting to book an interview with you.',
    },
    lead: 'Mark the times you are free over the next two weeks; candidates are offered only those.',
    zoneLabel: 'Your time zone',
    zoneHint: 'Search to narrow the list.',
    zoneSearch: 'Search: city, country, CET, GMT+9',
    zoneSearchLabel: 'Search for your time zone',
    thisWeek: 'This week',
    nextWeek: 'Next week',
    previousButton: '← This week',
    nextButton: 'Next week →',
    gridHint:
      'Drag or tap half hours to mark them free; with the keyboard, arrows move and Space marks.',
    time: 'Time',
    typeHeading: 'Or type them',
    typeHint:
      'As you would in an email: “Mon–Wed 9–12, Thu after 2pm”, “next week mornings except Friday”.',
    readButton: 'Mark these on the grid',
    summaryHeading: 'Your times ({zone} time)',
    nothing: 'Nothing marked yet.',
    lastSaved: 'Last saved {when} ({zone} time).',
    save: 'Save my times',
    noneFound: 'No days or times found in that text. Try “Mon–Wed 9–12, Thu after 2pm”.',
    marked: 'Marked on the grid: check it, then save.',
    notUnderstood: 'Not understood: {parts}.',
    saved: 'Saved.',
    released: {
      one: 'The waiting candidate has been sent a booking link.',
      other: '{n} waiting candidates have been sent a booking link.',
    },
    offered: 'Candidates will be offered these times.',
    footer: 'Scheduling by Parley',
    linkInvalid: 'This link is not valid any more. Use the one in the latest email from us.',
    timesInvalid: 'These times could not be saved. Reload the page and mark them again.',
    notFoundTitle: 'This link does not work',
    notFoundLead:
      'It was never valid or has been replaced. Reply to the email you received instead.',
  },
  es: {
    locale: 'es-ES',
    pageTitle: 'Sus horarios de entrevista',
    eyebrow: '{organization} · programación de entrevistas',
    title: '¿Cuándo está libre, {name}?',
    waiting: {
      one: 'Un candidato espera para reservar una entrevista con usted.',
      other: '{n} candidatos esperan para reservar una entrevista con usted.',
    },
    lead: 'Marque los horarios en que está libre en las próximas dos semanas; a los candidatos solo se les ofrecen esos.',
    zoneLabel: 'Su zona horaria',
    zoneHint: 'Busque para acortar la lista.',
    zoneSearch: 'Buscar: ciudad, país, CET, GMT+9',
    zoneSearchLabel: 'Buscar su zona horaria',
    thisWeek: 'Esta semana',
    nextWeek: 'La próxima semana',
    previousButton: '← Esta semana',
    nextButton: 'Próxima semana →',
    gridHint:
      'Arrastre o toque las medias horas para marcarlas como libres; con el teclado, las flechas mueven y la barra espaciadora marca.',
    time: 'Hora',
    typeHeading: 'O escríbalos',
    typeHint:
      'Como en un correo: «de lunes a miércoles de 9 a 12, jueves a partir de las 14», «la próxima semana por las mañanas excepto el viernes».',
    readButton: 'Marcarlos en la cuadrícula',
    summaryHeading: 'Sus horarios (hora de {zone})',
    nothing: 'Aún no ha marcado nada.',
    lastSaved: 'Guardado por última vez el {when} (hora de {zone}).',
    save: 'Guardar mis horarios',
    noneFound:
      'No se encontraron días ni horas en ese texto. Pruebe «de lunes a miércoles de 9 a 12, jueves a partir de las 14».',
    marked: 'Marcados en la cuadrícula: revíselos y guarde.',
    notUnderstood: 'No entendido: {parts}.',
    saved: 'Guardado.',
    released: {
      one: 'El candidato en espera ha recibido un enlace de reserva.',
      other: 'Los {n} candidatos en espera han recibido un enlace de reserva.',
    },
    offered: 'Se ofrecerán estos horarios a los candidatos.',
    footer: 'Programación con Parley',
    linkInvalid: 'Este enlace ya no es válido. Use el del último correo que le enviamos.',
    timesInvalid:
      'No se han podido guardar estos horarios. Recargue la página y vuelva a marcarlos.',
    notFoundTitle: 'Este enlace no funciona',
    notFoundLead: 'Nunca fue válido o ha sido reemplazado. Responda al correo que recibió.',
  },
  fr: {
    locale: 'fr-FR',
    pageTitle: 'Vos disponibilités pour les entretiens',
    eyebrow: '{organization} · planification des entretiens',
    title: 'Quand êtes-vous disponible, {name} ?',
    waiting: {
      one: 'Un candidat attend de réserver un entretien avec vous.',
      other: '{n} candidats attendent de réserver un entretien avec vous.',
    },
    lead: 'Indiquez vos disponibilités des deux prochaines semaines ; seuls ces créneaux sont proposés aux candidats.',
    zoneLabel: 'Votre fuseau horaire',
    zoneHint: 'Recherchez pour réduire la liste.',
    zoneSearch: 'Rechercher : ville, pays, CET, GMT+9',
    zoneSearchLabel: 'Rechercher votre fuseau horaire',
    thisWeek: 'Cette semaine',
    nextWeek: 'La semaine prochaine',
    previousButton: '← Cette semaine',
    nextButton: 'Semaine prochaine →',
    gridHint:
      'Faites glisser ou touchez les demi-heures pour les marquer libres ; au clavier, les flèches déplacent et Espace marque.',
    time: 'Heure',
    typeHeading: 'Ou écrivez-les',
    typeHint:
      'Comme dans un e-mail : « du lundi au mercredi de 9h à 12h, jeudi après 14h », « la semaine prochaine le matin sauf vendredi ».',
    readButton: 'Les marquer sur la grille',
    summaryHeading: 'Vos disponibilités (heure de {zone})',
    nothing: 'Rien de marqué pour l’instant.',
    lastSaved: 'Dernier enregistrement : {when} (heure de {zone}).',
    save: 'Enregistrer mes disponibilités',
    noneFound:
      'Aucun jour ni horaire trouvé dans ce texte. Essayez « du lundi au mercredi de 9h à 12h, jeudi après 14h ».',
    marked: 'Marqué sur la grille : vérifiez, puis enregistrez.',
    notUnderstood: 'Non compris : {parts}.',
    saved: 'Enregistré.',
    released: {
      one: 'Le candidat en attente a reçu un lien de réservation.',
      other: 'Les {n} candidats en attente ont reçu un lien de réservation.',
    },
    offered: 'Ces créneaux seront proposés aux candidats.',
    footer: 'Planification par Parley',
    linkInvalid: 'Ce lien n’est plus valide. Utilisez celui de notre dernier e-mail.',
    timesInvalid:
      'Ces horaires n’ont pas pu être enregistrés. Rechargez la page et marquez-les de nouveau.',
    notFoundTitle: 'Ce lien ne fonctionne pas',
    notFoundLead:
      'Il n’a jamais été valide ou a été remplacé. Répondez plutôt à l’e-mail que vous avez reçu.',
  },
  de: {
    locale: 'de-DE',
    pageTitle: 'Ihre Interviewzeiten',
    eyebrow: '{organization} · Interviewplanung',
    title: 'Wann haben Sie Zeit, {name}?',
    waiting: {
      one: 'Ein Kandidat möchte ein Interview mit Ihnen buchen.',
      other: '{n} Kandidaten möchten ein Interview mit Ihnen buchen.',
    },
    lead: 'Markieren Sie Ihre freien Zeiten der nächsten zwei Wochen; nur diese werden Kandidaten angeboten.',
    zoneLabel: 'Ihre Zeitzone',
    zoneHint: 'Suchen Sie, um die Liste einzugrenzen.',
    zoneSearch: 'Suche: Stadt, Land, CET, GMT+9',
    zoneSearchLabel: 'Ihre Zeitzone suchen',
    thisWeek: 'Diese Woche',
    nextWeek: 'Nächste Woche',
    previousButton: '← Diese Woche',
    nextButton: 'Nächste Woche →',
    gridHint:
      'Ziehen oder tippen Sie auf halbe Stunden, um sie als frei zu markieren; mit der Tastatur bewegen die Pfeiltasten, die Leertaste markiert.',
    time: 'Uhrzeit',
    typeHeading: 'Oder schreiben Sie sie',
    typeHint:
      'Wie in einer E-Mail: „Mo–Mi 9–12 Uhr, Do ab 14 Uhr“, „nächste Woche vormittags außer Freitag“.',
    readButton: 'Im Raster markieren',
    summaryHeading: 'Ihre Zeiten (Ortszeit {zone})',
    nothing: 'Noch nichts markiert.',
    lastSaved: 'Zuletzt gespeichert: {when} (Ortszeit {zone}).',
    save: 'Meine Zeiten speichern',
    noneFound:
      'In diesem Text wurden keine Tage oder Uhrzeiten gefunden. Versuchen Sie „Mo–Mi 9–12 Uhr, Do ab 14 Uhr“.',
    marked: 'Im Raster markiert: prüfen Sie es und speichern Sie dann.',
    notUnderstood: 'Nicht verstanden: {parts}.',
    saved: 'Gespeichert.',
    released: {
      one: 'Der wartende Kandidat hat einen Buchungslink erhalten.',
      other: 'Die {n} wartenden Kandidaten haben einen Buchungslink erhalten.',
    },
    offered: 'Diese Zeiten werden den Kandidaten angeboten.',
    footer: 'Terminplanung mit Parley',
    linkInvalid: 'Dieser Link ist nicht mehr gültig. Nutzen Sie den aus unserer letzten E-Mail.',
    timesInvalid:
      'Diese Zeiten konnten nicht gespeichert werden. Laden Sie die Seite neu und markieren Sie sie erneut.',
    notFoundTitle: 'Dieser Link funktioniert nicht',
    notFoundLead:
      'Er war nie gültig oder wurde ersetzt. Antworten Sie stattdessen auf die E-Mail, die Sie erhalten haben.',
  },
  pt: {
    locale: 'pt-BR',
    pageTitle: 'Seus horários de entrevista',
    eyebrow: '{organization} · agendamento de entrevistas',
    title: 'Quando você está livre, {name}?',
    waiting: {
      one: 'Um candidato aguarda para agendar uma entrevista com você.',
      other: '{n} candidatos aguardam para agendar uma entrevista com você.',
    },
    lead: 'Marque os horários em que você está livre nas próximas duas semanas; somente esses são oferecidos aos candidatos.',
    zoneLabel: 'Seu fuso horário',
    zoneHint: 'Pesquise para filtrar a lista.',
    zoneSearch: 'Pesquisar: cidade, país, CET, GMT+9',
    zoneSearchLabel: 'Pesquisar seu fuso horário',
    thisWeek: 'Esta semana',
    nextWeek: 'Próxima semana',
    previousButton: '← Esta semana',
    nextButton: 'Próxima semana →',
    gridHint:
      'Arraste ou toque nas meias horas para marcá-las como livres; no teclado, as setas movem e a barra de espaço marca.',
    time: 'Horário',
    typeHeading: 'Ou digite',
    typeHint:
      'Como em um e-mail: “de segunda a quarta das 9h às 12h, quinta depois das 14h”, “próxima semana de manhã exceto sexta”.',
    readButton: 'Marcar na grade',
    summaryHeading: 'Seus horários (horário de {zone})',
    nothing: 'Nada marcado ainda.',
    lastSaved: 'Salvo pela última vez: {when} (horário de {zone}).',
    save: 'Salvar meus horários',
    noneFound:
      'Nenhum dia ou horário encontrado nesse texto. Experimente “de segunda a quarta das 9h às 12h, quinta depois das 14h”.',
    marked: 'Marcados na grade: confira e depois salve.',
    notUnderstood: 'Não entendido: {parts}.',
    saved: 'Salvo.',
    released: {
      one: 'O candidato que estava aguardando recebeu um link de agendamento.',
      other: 'Os {n} candidatos que estavam aguardando receberam um link de agendamento.',
    },
    offered: 'Estes horários serão oferecidos aos candidatos.',
    footer: 'Agendamento com Parley',
    linkInvalid: 'Este link não é mais válido. Use o do último e-mail que enviamos para você.',
    timesInvalid:
      'Não foi possível salvar estes horários. Recarregue a página e marque-os de novo.',
    notFoundTitle: 'Este link não funciona',
    notFoundLead: 'Ele nunca foi válido ou foi substituído. Responda ao e-mail que você recebeu.',
  },
};
