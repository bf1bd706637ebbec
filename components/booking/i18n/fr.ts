import type { Messages } from './messages';

/**
 * French: the candidate is addressed as "vous", and "the organizer" is "votre contact" (no
 * participle agrees with `{who}`). A narrow no-break space (U+202F) precedes ? ! : ; as French
 * typography requires.
 */
export const fr: Messages = {
  documentTitle: '{heading} · Réservez votre entretien',
  eyebrow: 'Votre entretien',
  headingRoleAtCompany: '{position} chez {company}',
  headingRole: '{position}',
  headingCompany: 'Entretien avec {company}',
  minutes: { one: '{n} min', many: '{n} min', other: '{n} min' },
  hours: { one: '{n} h', many: '{n} h', other: '{n} h' },
  hoursAndMinutes: '{hours} {minutes}',
  withPeople: 'avec {names}',
  videoCall: 'Visioconférence',
  developmentRoom: 'Salle vidéo de développement',
  developmentRoomNote:
    'Remplace {provider} tant qu’aucun service n’est connecté ; aucun appel réel n’a lieu ici.',
  theOrganizer: 'votre contact',
  theOrganizerCapitalized: 'Votre contact',
  footer: 'Planification par Parley',
  noScript:
    'Activez JavaScript pour choisir un créneau sur cette page, ou répondez au message contenant ce lien en indiquant le créneau qui vous convient.',

  pickHeading: 'Choisissez une date et une heure',
  rescheduleHeading: 'Choisissez un nouveau créneau',
  currentlyBooked: 'Votre créneau actuel : {date} à {time}.',
  keepCurrent: 'Conserver ce créneau',
  cancelledPrevious:
    'Vous avez annulé votre entretien précédent. Choisissez un nouveau créneau ci-dessous.',
  slotTaken:
    'Désolé, ce créneau vient d’être réservé. Les créneaux disponibles ont été mis à jour : veuillez en choisir un autre.',
  changedMeanwhile: 'Cette réservation a été modifiée entre-temps ; voici où elle en est.',
  genericError: 'Une erreur s’est produite et rien n’a été modifié. Veuillez réessayer.',

  timeZone: 'Fuseau horaire',
  timeZoneSearch: 'Rechercher une ville, un pays ou un fuseau',
  timeZoneList: 'Fuseaux horaires',
  noMatchingZone: 'Aucun fuseau horaire correspondant',
  loadingZones: 'Chargement des fuseaux horaires…',
  timeFormat: 'Format de l’heure',
  twelveHour: 'Format 12 heures',
  twentyFourHour: 'Format 24 heures',
  previousMonth: 'Mois précédent',
  nextMonth: 'Mois suivant',
  weekdaysShort: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
  weekdaysLong: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],

  openTimes: 'Créneaux disponibles',
  openTimesCount: {
    one: '{n} créneau disponible',
    many: '{n} créneaux disponibles',
    other: '{n} créneaux disponibles',
  },
  noOpenTimes: 'aucun créneau disponible',
  loadingOpenTimes: 'chargement des créneaux disponibles',
  statusDay: '{day} : {count}.',
  statusMonth: {
    one: '{n} jour avec des créneaux disponibles en {month}.',
    many: '{n} jours avec des créneaux disponibles en {month}.',
    other: '{n} jours avec des créneaux disponibles en {month}.',
  },
  statusMonthEmpty: 'Aucun créneau disponible en {month}.',
  statusLoading: 'Chargement des créneaux disponibles…',
  statusError: 'Impossible de charger les créneaux disponibles.',
  monthEmptyTryNext: 'Aucun créneau disponible en {month}. Essayez le mois suivant.',
  noTimesLeft: 'Il n’y a plus de créneau disponible. Revenez un peu plus tard.',
  selectDay: 'Choisissez un jour pour afficher ses créneaux disponibles.',
  noTimesThisDay: 'Aucun créneau disponible ce jour-là dans votre fuseau horaire.',
  dayLabel: '{date}, {count}',
  timeLabel: '{time}, {day}',
  currentTime: '{time} · actuel',
  moreTimesBelow: 'Faites défiler pour voir d’autres créneaux',
  timesFailedHeading: 'Impossible de charger les créneaux disponibles',
  timesFailedLead: 'Rien n’a été modifié. Vérifiez votre connexion et réessayez.',
  tryAgain: 'Réessayer',

  confirmHeading: 'Confirmez votre entretien',
  confirmNewTimeHeading: 'Confirmez votre nouveau créneau',
  confirmLead: 'Bonjour {firstName}, merci de vérifier les informations ci-dessous.',
  movingFrom: 'Ancien créneau : {date} à {time}.',
  checkDetails: 'Merci de vérifier les informations ci-dessous.',
  confirmBooking: 'Confirmer la réservation',
  confirmNewTime: 'Confirmer le nouveau créneau',
  booking: 'Réservation en cours…',
  back: 'Retour',

  loading: 'Chargement',
  joinLink: 'Lien de connexion',
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  openDevelopmentRoom: 'Ouvrir la salle vidéo de développement',

  bookedHeading: 'Réservation confirmée !',
  movedHeading: 'Votre entretien a été déplacé',
  existingHeading: 'Votre entretien est réservé',
  pastHeading: 'Votre entretien',
  pastLead: 'Cet entretien a déjà eu lieu.',
  inviteOnItsWay: 'Une invitation d’agenda vous a été envoyée, ainsi qu’à {who}.',
  detailsLead: 'Voici les détails de votre entretien avec {who}.',
  addToCalendar: 'Ajouter à votre agenda',
  googleCalendar: 'Google Calendar',
  otherCalendars: 'Apple, Outlook (.ics)',
  needChange: 'Besoin de modifier quelque chose ?',
  reschedule: 'Changer de créneau',
  cancelInterview: 'Annuler l’entretien',

  cancelHeading: 'Annuler votre entretien ?',
  reasonLabel: 'Motif de l’annulation (facultatif)',
  willBeTold: 'Nous informerons {who} de votre annulation.',
  cancelling: 'Annulation en cours…',
  keepInterview: 'Conserver l’entretien',
  cancelledHeading: 'Votre entretien est annulé',
  cancelledLead: 'Nous avons prévenu {who}.',
  pickNewLead: 'Vous pouvez choisir un nouveau créneau dès que vous le souhaitez.',
  pickNewTime: 'Choisir un nouveau créneau',

  organizerCancelledHeading: 'Cet entretien a été annulé',
  organizerCancelledLead:
    '{who} a annulé cet entretien ; ce lien ne permet donc plus de réserver un créneau.',
  closedHeading: 'Ce lien de réservation n’est plus actif',
  closedLead:
    '{who} ne planifie plus d’entretiens via ce lien ; il n’est donc plus possible d’y réserver un créneau.',
  mistake: 'Si vous pensez qu’il s’agit d’une erreur, répondez au message contenant ce lien.',
  noTimesHeading: 'Aucun créneau disponible pour le moment',
  noTimesLead:
    'L’équipe de recrutement n’a pas de disponibilités pour le moment. Elle a été prévenue, et nous vous écrirons dès que de nouveaux créneaux seront proposés.',
  awaitingHeading: 'Les créneaux arrivent bientôt',
  awaitingLead:
    'L’équipe de recrutement est encore en train d’indiquer ses disponibilités. Nous vous écrirons dès que vous pourrez choisir un créneau.',

  notFoundTitle: 'Lien de réservation introuvable',
  notFoundLead:
    'Ce lien n’existe pas ou est incomplet. Vérifiez que vous avez bien copié le lien en entier depuis le message reçu, ou répondez à ce message pour en demander un nouveau.',
  errorTitle: 'Une erreur s’est produite',
  errorLead: 'Nous n’avons pas pu charger cette page de réservation. Rien n’a été modifié.',
};
