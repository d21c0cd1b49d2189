import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';
import { keyOnlyTerms } from '../../src/content/quality/giveaway-terms.js';
import { fixtureRoot, questionFile } from './support/fixture-bank.js';

const fixtures = fixtureRoot('k8sq-giveaway-');
afterAll(fixtures.remove);

// Real items of the bank as the review found them (before their rewrite).
const READY_PROMPT =
  '一个配置了就绪探针的 Pod 被 Service 选中，它在什么时候才会开始接收 Service 转发的流量？';
const READY_OPTIONS = [
  '容器进程启动后立即开始接收',
  'Scheduler 完成绑定之后',
  '存活探针第一次成功之后',
  '就绪探针成功、Pod 的 Ready 条件变为 True 之后',
];
const VELERO_PROMPT =
  '使用 velero install --provider aws --bucket my-bucket 安装 Velero 后，创建的备份数据主要保存在哪里？';
const VELERO_OPTIONS = [
  '集群内 etcd 的一个专用 key 前缀下',
  'velero 命名空间下的 ConfigMap 中',
  '每个节点的 /var/lib/velero 目录中',
  '对象存储桶（如 AWS S3 或兼容 S3 的存储）',
];

describe('prompt terms only the key repeats', () => {
  it('GIVEN real giveaways of the bank THEN the echoed Chinese term and ASCII name are found', () => {
    expect(keyOnlyTerms(READY_PROMPT, READY_OPTIONS, 3)).toEqual(['就绪探针']);
    expect(keyOnlyTerms(VELERO_PROMPT, VELERO_OPTIONS, 3)).toEqual(['aws']);
    expect(
      keyOnlyTerms(
        '想查看 kube-apiserver 服务端证书文件 /etc/kubernetes/pki/apiserver.crt 的过期时间，以下哪个命令可以做到？',
        [
          'kubectl get csr',
          'kubectl describe node <node-name>',
          'openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -enddate',
          'kubectl get secrets -n kube-system',
        ],
        2,
      ),
    ).toEqual(['/etc/kubernetes/pki/apiserver.crt']);
  });

  it('GIVEN the term in a distractor too, or only in a distractor THEN nothing is flagged', () => {
    const fixed = [...READY_OPTIONS];
    fixed[2] = '就绪探针第一次执行之前';
    expect(keyOnlyTerms(READY_PROMPT, fixed, 3)).toEqual([]);
    // A distractor echoing the prompt is a lure, not a giveaway.
    const lure = ['就绪探针第一次执行之前', ...READY_OPTIONS.slice(1, 3), 'Ready 条件变为 True 之后'];
    expect(keyOnlyTerms(READY_PROMPT, lure, 3)).toEqual([]);
  });

  it('GIVEN common words, function-word runs and the question topic THEN they are not distinctive', () => {
    // "Pod", "同一个", "节点上" are everywhere; "helm" is the topic of a Helm question.
    const options = ['同一个节点上的 Pod', 'kubelet', 'kube-proxy', 'CoreDNS'];
    expect(keyOnlyTerms('同一个节点上的 Pod 如何通信？', options, 0)).toEqual([]);
    const helm = ['Chart 版本号 2', 'REVISION 为 2 的发布（helm history）', '回退两步', '保留 2 个历史'];
    expect(keyOnlyTerms('执行 helm rollback my-release 2 时 2 指什么？', helm, 1)).toEqual(['helm']);
    expect(keyOnlyTerms('执行 helm rollback my-release 2 时 2 指什么？', helm, 1, new Set(['helm']))).toEqual(
      [],
    );
  });

  it("GIVEN an example instance name, or the term inside a distractor's path THEN nothing is flagged", () => {
    const partition = [
      'web-3 和 web-4，即序号大于等于 3 的 Pod',
      'web-0、web-1 和 web-2',
      '只有 web-3',
      '任意 3 个 Pod',
    ];
    expect(
      keyOnlyTerms(
        'StatefulSet web 有 5 个副本（web-0 到 web-4），partition 为 3，哪些 Pod 会被更新？',
        partition,
        0,
      ),
    ).toEqual([]);
    const scale = [
      '在 additionalPrinterColumns 中加一列',
      '为 CRD 部署一个实现 /scale 接口的聚合 API Server',
      '开启 scale 子资源',
    ];
    expect(keyOnlyTerms('希望对自定义资源执行 kubectl scale，需要在 CRD 中做什么？', scale, 2)).toEqual([]);
  });

  it('GIVEN a bank with a giveaway item and a clean item THEN one warning at the key line names the term', async () => {
    const dir = fixtures.folder('giveaway', {
      'pods/ready.md': questionFile({
        id: 'ready',
        category: 'pods',
        title: '简述Pod创建过程',
        quizzes: [
          {
            id: 'ready-giveaway',
            prompt: READY_PROMPT,
            options: READY_OPTIONS,
            answer: 3,
            explanation: '只有就绪探针成功、Ready 条件为 True 时 Pod 才进入 EndpointSlice 的就绪端点。',
          },
          {
            id: 'ready-clean',
            prompt: READY_PROMPT,
            options: ['就绪探针第一次执行之前', ...READY_OPTIONS.slice(1)],
            answer: 3,
            explanation: '只有就绪探针成功、Ready 条件为 True 时 Pod 才进入 EndpointSlice 的就绪端点。',
          },
        ],
      }),
    });
    const result = await checkContent(dir, []);
    const file = relative(process.cwd(), join(dir, 'questions/pods/ready.md'));
    expect(result.warnings.filter((w) => w.rule === 'giveaway-term')).toEqual([
      expect.objectContaining({
        file,
        line: 10,
        field: 'quizzes[0].options[3]',
        message: expect.stringContaining('"就绪探针"'),
      }),
    ]);
  });
});
