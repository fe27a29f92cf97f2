/**
 * A worked example map: a fitness club selling annual memberships to office workers nearby,
 * every row and KPI filled in. Newcomers see what a finished map looks like (how concrete a
 * cell should be, how barriers, drivers and the L × C × P × Q numbers fit together) before
 * they write their own. Dropdown cells pick catalogue choices by index, so they always match
 * the map's validation lists.
 */
import { CATALOGUE, type Lang, type MessageKey } from '../words/i18n';
import {
  CONTENT_KEYS,
  type CardKey,
  type CellData,
  type ContentKey,
  type Journey,
  type TitleKey,
  newStageId,
} from './journey';
import { presetStages } from './stages';

/** One stage in CONTENT_KEYS order; barrierType, driverType and evidence are choice indexes. */
type Row = [
  job: string,
  actions: string,
  questions: string,
  touchpoints: string,
  channels: string,
  content: string,
  barriers: string,
  barrierType: number,
  drivers: string,
  driverType: number,
  score: number,
  evidence: number,
  weakSpots: string,
];

const CHOICES: Partial<Record<ContentKey, MessageKey>> = {
  barrierType: 'choice.barrierType',
  driverType: 'choice.driverType',
  evidence: 'choice.evidence',
};

const CUSTOMERS = [2000, 800, 120, 110, 70, 45];
const TARGETS: CellData[] = ['', 0.45, 0.2, 0.95, 0.7, 0.7];
const AVG_CHECK: Record<Lang, number> = { ru: 30000, en: 450 };
const PURCHASES = 1.3;

const TEXT: Record<
  Lang,
  { title: Record<TitleKey, string>; card: Record<CardKey, string>; rows: Row[] }
> = {
  ru: {
    title: {
      name: 'Фитнес-клуб — годовой абонемент',
      segment: 'Офисные сотрудники 25–40 лет, живущие или работающие рядом',
      product: 'Годовой абонемент',
      persona:
        'Анна, 29 лет, менеджер проектов в IT, доход 120 тыс. ₽ в месяц; хочет прийти в форму, не жертвуя работой',
      goal: 'Поднять конверсию из пробной тренировки в годовой абонемент с 15% до 20%',
      owner: 'Руководитель маркетинга',
      reviewed: '2026-11-01',
      nextReview: '2027-02-01',
    },
    card: {
      personaName: 'Анна',
      personaAge: '29',
      personaGender: 'Женский',
      personaEducation: 'Высшее экономическое',
      personaProfession: 'Менеджер проектов в IT',
      personaIncome: '120 тыс. ₽ в месяц',
      personaInterests: 'Бег, йога, путешествия',
      personaTraits: 'Организованная, ценит своё время, не любит давления',
      personaGoals: 'Прийти в форму и снимать стресс после работы',
      productValue: 'Тренировки в 5 минутах от офиса в удобное время',
      productAdvantages:
        'Рядом с бизнес-центрами; вводный план с тренером; рассрочка без переплаты',
      productSubstitutes: 'Сетевые фитнес-клубы; домашние тренировки по видео; бег на улице',
      productSeasonality: 'Пики в январе и сентябре, спад летом',
      productDemand: 'Плановый спрос с долгим выбором',
      jobs: 'Прийти в форму, не теряя времени на дорогу\nСнять стресс после рабочего дня\nЗаниматься вместе с коллегами',
    },
    rows: [
      [
        'Начать заниматься спортом рядом с домом или офисом',
        'Замечает клуб по дороге на работу; видит рекламу в соцсетях; слышит о нём от коллег',
        'Есть ли клуб рядом?; Успею ли ходить после работы?; Сколько это стоит?',
        'Вывеска и витрина клуба; таргетированная реклама; карточка в Яндекс Картах',
        'VK и районные Telegram-каналы; Яндекс Карты и 2ГИС; рабочие чаты',
        'Подборка «Фитнес для занятых» в соцсетях; видео зала; отзывы коллег',
        'Нет сил и времени после работы; кажется, что фитнес — это дорого',
        1,
        'Клуб в 5 минутах от офиса; туда уже ходят коллеги',
        0,
        3,
        1,
        'В рекламе нет цены и часов работы; добавить в карточку на картах цены и фото зала',
      ],
      [
        'Выбрать клуб, который подойдёт по графику и бюджету',
        'Сравнивает клубы и цены; читает отзывы; записывается на пробную тренировку',
        'Чем вы лучше сетевого клуба по соседству?; Много ли народу вечером?; Можно ли заморозить абонемент?',
        'Сайт и прайс; отзывы на картах; звонок или чат с администратором; пробная тренировка',
        'Поиск Яндекса; карты и сайты отзывов; WhatsApp и Telegram клуба',
        'Прайс с фото и видео зала; сравнение с сетевыми клубами; ответы на частые вопросы',
        'На сайте нет цен; администратор отвечает в чате через несколько часов',
        1,
        'Бесплатная пробная тренировка; фото и видео зала; понятный прайс',
        1,
        3,
        2,
        'Половина спросивших цену не доходит до пробной; выложить цены на сайт, отвечать в чате за 15 минут',
      ],
      [
        'Купить абонемент без переплаты и давления',
        'Приходит на пробную; говорит с менеджером по продажам; оплачивает или уходит подумать',
        'Можно ли платить частями?; Что, если уеду в отпуск или заболею?; Есть ли скидка от работодателя?',
        'Ресепшен; менеджер по продажам; договор и оплата',
        'Клуб; звонок менеджера после пробной; ссылка на оплату в мессенджере',
        'Условия рассрочки и заморозки; памятка о корпоративной скидке',
        'Всю сумму нужно внести сразу; навязчивые продажи после пробной; нет рассрочки',
        2,
        'Рассрочка без переплаты; заморозка до 30 дней; корпоративная скидка',
        0,
        2,
        2,
        'Из пробной покупают 15% при цели 20%; ввести рассрочку и оплату по ссылке; скрипт продаж без давления',
      ],
      [
        'Регулярно тренироваться и видеть результат',
        'Ходит 2–3 раза в неделю; записывается на групповые занятия в приложении; проходит вводную тренировку',
        'С чего начать, чтобы не травмироваться?; Есть ли места на занятие?; Когда будет результат?',
        'Приложение клуба; тренеры и групповые занятия; раздевалки и душ',
        'Приложение клуба; Telegram-канал клуба; общение с тренером в зале',
        'План тренировок на первый месяц; видео по технике; расписание групповых занятий',
        'Вечером очереди к тренажёрам; запись на популярные занятия заканчивается за минуты',
        2,
        'Вводная тренировка с планом на месяц; удобная запись в приложении',
        2,
        4,
        1,
        'Новички без плана бросают в первый месяц; дать два бесплатных занятия с тренером в первый месяц',
      ],
      [
        'Не бросить и продлить занятия на следующий год',
        'Получает напоминание о продлении; покупает персональные тренировки; пропускает занятия в отпуске и в авралы',
        'Стоит ли продлевать, если ходил нерегулярно?; Есть ли скидка за раннее продление?',
        'Push-уведомления и письма; звонок менеджера; отчёт о прогрессе в приложении',
        'Приложение; электронная почта; Telegram',
        'Отчёт о прогрессе; истории участников; условия раннего продления',
        'Пара пропущенных недель, и привычка уходит; напоминание о продлении приходит в последний день',
        0,
        'Скидка за продление за месяц до окончания; отчёт о прогрессе; персональное предложение',
        1,
        3,
        0,
        'Не видим, что клиент перестал ходить; звонок тренера после двух недель без визитов',
      ],
      [
        'Заниматься в «своём» клубе и звать туда друзей и коллег',
        'Продлевает абонемент; приводит друга; оставляет отзыв',
        'Что я получу за рекомендацию?; Есть ли семейный абонемент?',
        'Программа «Приведи друга»; клубные мероприятия; отзывы на картах',
        'Сарафанное радио; рабочие чаты; Telegram-канал клуба',
        'Описание бонуса «Приведи друга»; фото с клубных мероприятий',
        'Бонус за друга не найти, в приложении его не видно',
        1,
        'Месяц в подарок за каждого друга; клубные забеги и турниры; своё сообщество',
        2,
        4,
        1,
        'Клуб рекомендует лишь 1 из 10 постоянных клиентов; показать бонус в приложении; корпоративный тариф для офисов рядом',
      ],
    ],
  },
  en: {
    title: {
      name: 'Fitness club — annual membership',
      segment: 'Office workers aged 25–40 who live or work nearby',
      product: 'Annual membership',
      persona:
        'Emma, 29, IT project manager, earns 5,500 a month after tax; wants to get back in shape without cutting into work',
      goal: 'Raise trial-to-membership conversion from 15% to 20%',
      owner: 'Marketing lead',
      reviewed: '2026-11-01',
      nextReview: '2027-02-01',
    },
    card: {
      personaName: 'Emma',
      personaAge: '29',
      personaGender: 'Female',
      personaEducation: 'Degree in economics',
      personaProfession: 'IT project manager',
      personaIncome: '5,500 a month after tax',
      personaInterests: 'Running, yoga, travel',
      personaTraits: 'Organised, values her time, dislikes pressure',
      personaGoals: 'Get back in shape and unwind after work',
      productValue: 'Workouts 5 minutes from the office at times that suit her',
      productAdvantages:
        'Next to office blocks; intro plan with a coach; interest-free monthly payments',
      productSubstitutes: 'Chain gyms; home workouts with videos; running outdoors',
      productSeasonality: 'Peaks in January and September, dips in summer',
      productDemand: 'Planned purchase after a long comparison',
      jobs: 'Get fit without losing time on the commute\nUnwind after the working day\nWork out together with colleagues',
    },
    rows: [
      [
        'Start working out somewhere close to home or the office',
        'Notices the club on the way to work; sees a social media ad; hears about it from colleagues',
        'Is there a gym nearby?; Can I fit workouts around my job?; How much will it cost?',
        'Club signage and windows; targeted ads; Google Maps listing',
        'Instagram and Facebook ads; Google Maps; office chats and word of mouth',
        '"Fitness for busy people" posts; gym video tour; colleagues\u2019 reviews',
        'Too tired and busy after work; assumes gyms are expensive',
        1,
        'Club is a 5-minute walk from the office; colleagues already go there',
        0,
        3,
        1,
        'Ads show neither price nor opening hours; add prices and gym photos to the Maps listing',
      ],
      [
        'Pick a club that fits my schedule and budget',
        'Compares clubs and prices; reads reviews; books a free trial session',
        'Why you and not the chain next door?; How crowded is it after 6 pm?; Can I freeze my membership?',
        'Website and price list; Google reviews; call or chat with the front desk; trial session',
        'Google search; review sites and maps; WhatsApp chat',
        'Price list with gym photos and video; comparison with chain gyms; FAQ',
        'No prices on the website; chat replies take hours',
        1,
        'Free trial session; photos and video of the gym; clear pricing',
        1,
        3,
        2,
        'Half of those who ask about prices never book a trial; publish prices, reply in chat within 15 minutes',
      ],
      [
        'Sign up without overpaying or being pressured',
        'Comes for the trial; talks to a membership consultant; pays or leaves to think it over',
        'Can I pay monthly?; What if I travel or get sick?; Does my employer get a discount?',
        'Front desk; membership consultant; contract and checkout',
        'In the club; follow-up call after the trial; payment link by text',
        'Monthly payment and freeze terms; corporate discount leaflet',
        'Full price upfront; pushy sales pitch after the trial; no monthly payment option',
        2,
        'Interest-free monthly payments; freeze for up to 30 days; corporate discount',
        0,
        2,
        2,
        'Only 15% of trials buy, target 20%; offer monthly payments and a payment link; low-pressure sales script',
      ],
      [
        'Work out regularly and see results',
        'Trains 2–3 times a week; books group classes in the app; has an intro session with a coach',
        'Where do I start without getting injured?; Are there spots left in the class?; When will I see results?',
        'Club app; coaches and group classes; locker rooms and showers',
        'Club app; club newsletter; talking to coaches on the gym floor',
        'First-month training plan; technique videos; class timetable',
        'Queues for machines in the evening; popular classes fill up in minutes',
        2,
        'Intro session with a one-month plan; easy booking in the app',
        2,
        4,
        1,
        'Newcomers without a plan quit in the first month; two free coached sessions in month one',
      ],
      [
        'Keep going and renew for another year',
        'Gets a renewal reminder; buys personal training; skips workouts on holiday or in crunch time',
        'Is it worth renewing if I went irregularly?; Is there an early renewal discount?',
        'Push notifications and emails; call from the club; progress report in the app',
        'App; email; text messages',
        'Progress report; member stories; early renewal terms',
        'Miss a couple of weeks and the habit is gone; renewal reminder arrives on the last day',
        0,
        'Early renewal discount a month before expiry; progress report; personal offer',
        1,
        3,
        0,
        'No alert when a member stops coming; coach calls after two weeks without a visit',
      ],
      [
        'Feel at home in my club and bring friends and colleagues',
        'Renews the membership; brings a friend; leaves a review',
        'What do I get for referring a friend?; Is there a family plan?',
        'Refer-a-friend programme; club events; Google reviews',
        'Word of mouth; office chats; club community group',
        'Refer-a-friend terms; photos from club events',
        'The referral bonus is hard to find and not shown in the app',
        1,
        'A free month for every friend; club runs and tournaments; a real community',
        2,
        4,
        1,
        'Only 1 in 10 regulars refers anyone; show the referral bonus in the app; corporate plan for nearby offices',
      ],
    ],
  },
};

/**
 * A complete example map (fitness club, annual membership) in the given language; id is filled by
 * the caller.
 */
export function exampleJourney(lang: Lang): Omit<Journey, 'id'> {
  const { title, card, rows } = TEXT[lang];
  const cell = (key: ContentKey, value: string | number): CellData => {
    const choice = CHOICES[key];
    return choice ? (CATALOGUE[lang][choice].split('|')[value as number] ?? '') : value;
  };
  return {
    lang,
    title: { ...title },
    card: { ...card },
    stages: presetStages('checklist6', lang).map((seed, i) => {
      const row = rows[i] ?? [];
      return {
        id: newStageId(),
        name: seed.name,
        role: seed.role,
        content: Object.fromEntries(
          CONTENT_KEYS.map((k, j) => [k, cell(k, row[j] ?? '')]),
        ) as Record<ContentKey, CellData>,
        customers: CUSTOMERS[i] ?? '',
        target: TARGETS[i] ?? '',
      };
    }),
    avgCheck: AVG_CHECK[lang],
    purchases: PURCHASES,
  };
}
