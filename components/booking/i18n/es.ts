import type { Messages } from './messages';

/**
 * Spanish (neutral, for Spain and Latin America): the candidate is addressed as «tú», and
 * "the organizer" is «la persona de contacto» (no gendered participle follows `{who}`).
 */
export const es: Messages = {
  documentTitle: '{heading} · Reserva tu entrevista',
  eyebrow: 'Tu entrevista',
  headingRoleAtCompany: '{position} en {company}',
  headingRole: '{position}',
  headingCompany: 'Entrevista con {company}',
  minutes: { one: '{n} min', many: '{n} min', other: '{n} min' },
  hours: { one: '{n} h', many: '{n} h', other: '{n} h' },
  hoursAndMinutes: '{hours} {minutes}',
  withPeople: 'con {names}',
  videoCall: 'Videollamada',
  developmentRoom: 'Sala de videollamada de desarrollo',
  developmentRoomNote:
    'Sustituye a {provider} mientras no haya ningún servicio conectado; aquí no se realiza ninguna llamada real.',
  theOrganizer: 'la persona de contacto',
  theOrganizerCapitalized: 'La persona de contacto',
  footer: 'Citas gestionadas con Parley',
  noScript:
    'Activa JavaScript para elegir un horario en esta página o responde al mensaje que te trajo hasta aquí con el horario que mejor te convenga.',

  pickHeading: 'Elige fecha y hora',
  rescheduleHeading: 'Elige un nuevo horario',
  currentlyBooked: 'Tu reserva actual es el {date} a las {time}.',
  keepCurrent: 'Mantener el horario actual',
  cancelledPrevious: 'Has cancelado tu entrevista anterior. Elige un nuevo horario a continuación.',
  slotTaken:
    'Lo sentimos, alguien acaba de reservar ese horario. Hemos actualizado los horarios disponibles: elige otro, por favor.',
  changedMeanwhile: 'Esta reserva ha cambiado mientras tanto; este es su estado actual.',
  genericError: 'Algo salió mal y no se realizó ningún cambio. Inténtalo de nuevo.',

  timeZone: 'Zona horaria',
  timeZoneSearch: 'Buscar por ciudad, país o zona',
  timeZoneList: 'Zonas horarias',
  noMatchingZone: 'No se encontró ninguna zona horaria',
  loadingZones: 'Cargando zonas horarias…',
  timeFormat: 'Formato de hora',
  twelveHour: 'Formato de 12 horas',
  twentyFourHour: 'Formato de 24 horas',
  previousMonth: 'Mes anterior',
  nextMonth: 'Mes siguiente',
  weekdaysShort: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
  weekdaysLong: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],

  openTimes: 'Horarios disponibles',
  openTimesCount: {
    one: '{n} horario disponible',
    many: '{n} horarios disponibles',
    other: '{n} horarios disponibles',
  },
  noOpenTimes: 'sin horarios disponibles',
  loadingOpenTimes: 'cargando horarios disponibles',
  statusDay: '{day}: {count}.',
  statusMonth: {
    one: '{n} día con horarios disponibles en {month}.',
    many: '{n} días con horarios disponibles en {month}.',
    other: '{n} días con horarios disponibles en {month}.',
  },
  statusMonthEmpty: 'No hay horarios disponibles en {month}.',
  statusLoading: 'Cargando horarios disponibles…',
  statusError: 'No se pudieron cargar los horarios disponibles.',
  monthEmptyTryNext: 'No hay horarios disponibles en {month}. Prueba con el mes siguiente.',
  noTimesLeft: 'Ya no quedan horarios disponibles. Vuelve a consultar más tarde.',
  selectDay: 'Elige un día para ver sus horarios disponibles.',
  noTimesThisDay: 'No hay horarios disponibles este día en tu zona horaria.',
  dayLabel: '{date}, {count}',
  timeLabel: '{time}, {day}',
  currentTime: '{time} · actual',
  moreTimesBelow: 'Desplázate para ver más horarios',
  timesFailedHeading: 'No se pudieron cargar los horarios disponibles',
  timesFailedLead: 'No se realizó ningún cambio. Revisa tu conexión e inténtalo de nuevo.',
  tryAgain: 'Intentar de nuevo',

  confirmHeading: 'Confirma tu entrevista',
  confirmNewTimeHeading: 'Confirma tu nuevo horario',
  confirmLead: 'Hola, {firstName}. Revisa los detalles antes de confirmar.',
  movingFrom: 'Horario anterior: {date} a las {time}.',
  checkDetails: 'Revisa los detalles antes de confirmar.',
  confirmBooking: 'Confirmar reserva',
  confirmNewTime: 'Confirmar nuevo horario',
  booking: 'Reservando…',
  back: 'Volver',

  loading: 'Cargando',
  joinLink: 'Enlace para unirte',
  opensInNewTab: '(se abre en una pestaña nueva)',
  openDevelopmentRoom: 'Abrir la sala de videollamada de desarrollo',

  bookedHeading: '¡Reserva confirmada!',
  movedHeading: 'Tu entrevista tiene un nuevo horario',
  existingHeading: 'Tu entrevista está reservada',
  pastHeading: 'Tu entrevista',
  pastLead: 'Esta entrevista ya tuvo lugar.',
  inviteOnItsWay: 'En breve te llegará una invitación de calendario; {who} también la recibirá.',
  detailsLead: 'Estos son los detalles de tu entrevista con {who}.',
  addToCalendar: 'Añadir a tu calendario',
  googleCalendar: 'Google Calendar',
  otherCalendars: 'Apple, Outlook (.ics)',
  needChange: '¿Necesitas hacer algún cambio?',
  reschedule: 'Cambiar horario',
  cancelInterview: 'Cancelar entrevista',

  cancelHeading: '¿Quieres cancelar tu entrevista?',
  reasonLabel: 'Motivo de la cancelación (opcional)',
  willBeTold: 'Avisaremos a {who} de que has cancelado.',
  cancelling: 'Cancelando…',
  keepInterview: 'Mantener la entrevista',
  cancelledHeading: 'Tu entrevista se ha cancelado',
  cancelledLead: 'Hemos avisado a {who}.',
  pickNewLead: 'Puedes elegir un nuevo horario cuando quieras.',
  pickNewTime: 'Elegir un nuevo horario',

  organizerCancelledHeading: 'Esta entrevista se ha cancelado',
  organizerCancelledLead:
    '{who} ha cancelado esta entrevista, así que este enlace ya no sirve para reservar un horario.',
  closedHeading: 'Este enlace de reserva ya no está activo',
  closedLead:
    '{who} ya no programa entrevistas a través de este enlace, así que aquí no se puede reservar ningún horario.',
  mistake: 'Si crees que se trata de un error, responde al mensaje que te trajo hasta aquí.',
  noTimesHeading: 'Ahora mismo no hay horarios disponibles',
  noTimesLead:
    'El equipo de selección no tiene disponibilidad en este momento. Ya se lo hemos comunicado y te escribiremos en cuanto haya nuevos horarios.',
  awaitingHeading: 'Pronto habrá horarios disponibles',
  awaitingLead:
    'El equipo de selección todavía está indicando su disponibilidad. Te escribiremos en cuanto puedas elegir un horario.',

  notFoundTitle: 'Enlace de reserva no encontrado',
  notFoundLead:
    'Este enlace no existe o está incompleto. Asegúrate de haber copiado el enlace completo del mensaje que recibiste o responde a ese mensaje para pedir uno nuevo.',
  errorTitle: 'Algo salió mal',
  errorLead: 'No pudimos cargar esta página de reserva. No se realizó ningún cambio.',
};
