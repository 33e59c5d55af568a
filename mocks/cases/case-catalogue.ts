import type { CaseCategory, CaseChannel } from '../../src/domain/case';
import type { GridType } from '../../src/domain/grid';

/**
 * What the demo cases look like: how often each kind arrives, through which channel, the deadline each kind is
 * given, and short titles. Shares follow the seeds' description of the channels and case kinds; titles are
 * generic phrases with no personal names.
 */
export interface CategoryProfile {
  share: number;
  /** Time allowed to close, in days (urgent kinds get less). */
  deadlineDays: number;
  titles: readonly string[];
}

export const categoryProfiles: Record<CaseCategory, CategoryProfile> = {
  livelihood: {
    share: 0.3,
    deadlineDays: 10,
    titles: [
      '路灯损坏',
      '自来水停水',
      '暖气不热',
      '下水道堵塞',
      '道路坑洼',
      '公交站牌损坏',
      '燃气表故障',
      '低保政策咨询',
    ],
  },
  environment: {
    share: 0.2,
    deadlineDays: 5,
    titles: ['垃圾清运不及时', '噪音扰民', '油烟扰民', '污水外溢', '占道经营', '绿化带毁损', '建筑垃圾乱倒'],
  },
  property: {
    share: 0.17,
    deadlineDays: 15,
    titles: [
      '小区楼道堆放杂物',
      '电梯故障停运',
      '物业费收费争议',
      '小区门禁损坏',
      '车位管理混乱',
      '屋顶漏水',
    ],
  },
  dispute: {
    share: 0.14,
    deadlineDays: 7,
    titles: [
      '邻里漏水纠纷',
      '宠物扰民纠纷',
      '拖欠工资纠纷',
      '宅基地界址纠纷',
      '装修扰民纠纷',
      '停车位占用纠纷',
    ],
  },
  safety_hazard: {
    share: 0.1,
    deadlineDays: 3,
    titles: ['电动车楼道充电', '消防通道堵塞', '井盖缺失', '危房隐患', '燃气管道老化', '广告牌松动'],
  },
  patrol_task: {
    share: 0.06,
    deadlineDays: 5,
    titles: ['重点人员走访', '独居老人探访', '出租屋排查', '防汛隐患巡查', '安全生产巡查'],
  },
  stability: {
    share: 0.03,
    deadlineDays: 3,
    titles: ['群体性诉求苗头', '涉稳信息核查', '集体上访预警'],
  },
};

export const channelShares: Record<CaseChannel, number> = {
  hotline_12345: 0.38,
  patrol: 0.24,
  app: 0.16,
  walk_in: 0.1,
  message_board: 0.07,
  other: 0.05,
};

/** Cases per resident by grid type: urban villages and old neighbourhoods generate more, suburbs fewer. */
export const gridTypeActivity: Record<GridType, number> = {
  urban_village: 1.5,
  old_town: 1.4,
  new_build: 1.0,
  work_unit: 0.7,
  suburban: 0.45,
};

/** Relative arrivals by local hour: quiet at night, peaks mid-morning and mid-afternoon. */
export const hourlyActivity: readonly number[] = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 1.2, 2.2, 2.6, 2.5, 2.1, 1.5, 1.6, 2.2, 2.3, 2.1, 1.8, 1.3, 1.1, 0.9,
  0.7, 0.45, 0.25,
];

/** Relative arrivals by weekday, Monday first: fewer reports at weekends. */
export const weekdayActivity: readonly number[] = [1.08, 1.04, 1.02, 1.0, 0.98, 0.72, 0.64];
